import { HttpStatus, Injectable } from '@nestjs/common';
import { deadlineExceeded, deadlineOf, deadlinePassed, Principal, ProblemException } from '@leadgate/service-kit';
import { LeadReadsService } from '@leads/leads/lead-reads.service';
import { LeadFileMetadata, LeadFilesRepository } from './lead-files.repository';
import { servedContentType } from './served-file-headers';

export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
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
  constructor(
    private readonly files: LeadFilesRepository,
    private readonly reads: LeadReadsService,
  ) {}

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
    const metadata: LeadFileMetadata = {
      account_id: lead.account_id,
      campaign_id: lead.campaign_id,
      lead_id: lead._id,
      content_type: file.mimetype || 'application/octet-stream',
      uploaded_by: principal.token_id,
    };
    // A large upload may outlast the caller's deadline while it arrives: then it is not stored (504).
    if (deadlinePassed(deadlineOf(principal))) throw deadlineExceeded();
    const id = await this.files.save(filename, metadata, file.buffer);
    return {
      id,
      filename,
      content_type: servedContentType(metadata.content_type),
      size: file.size,
      uploaded_at: new Date().toISOString(),
    };
  }

  async list(principal: Principal, campaignId: string, leadId: string): Promise<LeadFileView[]> {
    const lead = await this.reads.get(principal, campaignId, leadId);
    const files = await this.files.listForLead(lead._id);
    return files.map((file) => ({
      id: file.id,
      filename: file.filename,
      // The type a download carries, which is the uploader's only if it is on the safe list.
      content_type: servedContentType(file.metadata?.content_type),
      size: file.size,
      uploaded_at: file.uploaded_at.toISOString(),
    }));
  }

  async open(principal: Principal, campaignId: string, leadId: string, fileId: string) {
    const lead = await this.reads.get(principal, campaignId, leadId);
    const file = await this.files.findForLead(fileId, lead._id);
    if (!file) throw notFound();
    return {
      filename: file.filename,
      contentType: file.metadata?.content_type ?? 'application/octet-stream',
      size: file.size,
      stream: this.files.openDownload(file.id),
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
