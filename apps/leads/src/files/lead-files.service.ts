import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Principal, ProblemException } from '@leadgate/service-kit';
import { GridFSBucket, ObjectId } from 'mongodb';
import { Connection } from 'mongoose';
import { Readable } from 'node:stream';
import { LeadReadsService } from '../leads/lead-reads.service';
import { servedContentType } from './served-file-headers';

export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

interface FileMetadata {
  account_id: string;
  campaign_id: string;
  lead_id: string;
  content_type: string;
  uploaded_by: string;
}

export interface LeadFileView {
  id: string;
  filename: string;
  content_type: string;
  size: number;
  uploaded_at: string;
}

const notFound = () => new ProblemException(HttpStatus.NOT_FOUND, 'not_found', 'Not found', 'No such file.');

/** Attachments of a lead, stored in GridFS; every call first checks the lead is in the caller's scope. */
@Injectable()
export class LeadFilesService {
  private readonly bucket: GridFSBucket;

  constructor(
    @InjectConnection() connection: Connection,
    private readonly reads: LeadReadsService,
  ) {
    this.bucket = new GridFSBucket(connection.db!, { bucketName: 'lead_files' });
  }

  async upload(
    principal: Principal,
    campaignId: string,
    leadId: string,
    file: UploadedFile | undefined,
  ): Promise<LeadFileView> {
    if (!file) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'validation_failed',
        'Validation failed',
        'Send the file as multipart field "file".',
        [{ path: 'file', message: 'is required' }],
      );
    }
    const lead = await this.reads.get(principal, campaignId, leadId);
    const filename = safeFilename(file.originalname);
    const metadata: FileMetadata = {
      account_id: lead.account_id,
      campaign_id: lead.campaign_id,
      lead_id: lead._id,
      content_type: file.mimetype || 'application/octet-stream',
      uploaded_by: principal.token_id,
    };
    const upload = this.bucket.openUploadStream(filename, { metadata });
    await new Promise<void>((resolve, reject) => {
      Readable.from(file.buffer).pipe(upload).once('finish', resolve).once('error', reject);
    });
    return {
      id: upload.id.toString(),
      filename,
      content_type: servedContentType(metadata.content_type),
      size: file.size,
      uploaded_at: new Date().toISOString(),
    };
  }

  async list(principal: Principal, campaignId: string, leadId: string): Promise<LeadFileView[]> {
    const lead = await this.reads.get(principal, campaignId, leadId);
    const files = await this.bucket.find({ 'metadata.lead_id': { $eq: lead._id } }).toArray();
    return files.map((file) => ({
      id: file._id.toString(),
      filename: file.filename,
      // The type a download carries, which is the uploader's only if it is on the safe list.
      content_type: servedContentType((file.metadata as FileMetadata | undefined)?.content_type),
      size: file.length,
      uploaded_at: file.uploadDate.toISOString(),
    }));
  }

  async open(principal: Principal, campaignId: string, leadId: string, fileId: string) {
    const lead = await this.reads.get(principal, campaignId, leadId);
    if (!/^[0-9a-f]{24}$/.test(fileId)) throw notFound();
    const [file] = await this.bucket
      .find({ _id: { $eq: new ObjectId(fileId) }, 'metadata.lead_id': { $eq: lead._id } })
      .toArray();
    if (!file) throw notFound();
    const metadata = file.metadata as FileMetadata | undefined;
    return {
      filename: file.filename,
      contentType: metadata?.content_type ?? 'application/octet-stream',
      size: file.length,
      stream: this.bucket.openDownloadStream(file._id),
    };
  }
}

/** A filename that is safe in a header and on a disk: no paths, no control characters, bounded. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[^\w.\- ]+/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 200);
  return cleaned || 'file';
}
