import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { GridFSBucket, ObjectId } from 'mongodb';
import { Connection } from 'mongoose';
import { Readable } from 'node:stream';

/** What the service stores beside each file's bytes. */
export interface LeadFileMetadata {
  account_id: string;
  campaign_id: string;
  lead_id: string;
  content_type: string;
  uploaded_by: string;
}

export interface StoredLeadFile {
  id: string;
  filename: string;
  /** Absent only on a file written by something other than this service. */
  metadata: LeadFileMetadata | undefined;
  size: number;
  uploaded_at: Date;
}

const FILE_ID = /^[0-9a-f]{24}$/;

/** Lead attachments in GridFS (bucket `lead_files`); scope checks are the service's, not this one's. */
@Injectable()
export class LeadFilesRepository {
  private readonly bucket: GridFSBucket;

  constructor(@InjectConnection() connection: Connection) {
    this.bucket = new GridFSBucket(connection.db!, { bucketName: 'lead_files' });
  }

  /** Stores the bytes and returns the new file's id once they are all written. */
  async save(filename: string, metadata: LeadFileMetadata, bytes: Buffer): Promise<string> {
    const upload = this.bucket.openUploadStream(filename, { metadata });
    await new Promise<void>((resolve, reject) => {
      Readable.from(bytes).pipe(upload).once('finish', resolve).once('error', reject);
    });
    return upload.id.toString();
  }

  async listForLead(leadId: string): Promise<StoredLeadFile[]> {
    const files = await this.bucket.find({ 'metadata.lead_id': { $eq: leadId } }).toArray();
    return files.map(storedFile);
  }

  /** The file if it exists and belongs to the lead; an id that is not a GridFS id finds nothing. */
  async findForLead(fileId: string, leadId: string): Promise<StoredLeadFile | null> {
    if (!FILE_ID.test(fileId)) return null;
    const [file] = await this.bucket
      .find({ _id: { $eq: new ObjectId(fileId) }, 'metadata.lead_id': { $eq: leadId } })
      .toArray();
    return file ? storedFile(file) : null;
  }

  openDownload(fileId: string): Readable {
    return this.bucket.openDownloadStream(new ObjectId(fileId));
  }
}

function storedFile(file: {
  _id: ObjectId;
  filename: string;
  metadata?: unknown;
  length: number;
  uploadDate: Date;
}): StoredLeadFile {
  return {
    id: file._id.toString(),
    filename: file.filename,
    metadata: file.metadata as LeadFileMetadata | undefined,
    size: file.length,
    uploaded_at: file.uploadDate,
  };
}
