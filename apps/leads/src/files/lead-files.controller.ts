import { Controller, Get, Param, Post, Res, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import {
  BulkheadInterceptor,
  CurrentPrincipal,
  InBulkhead,
  InternalPrincipalGuard,
  Principal,
  requireScope,
} from '@leadgate/service-kit';
import type { Response } from 'express';
import { BufferedFileInterceptor } from './buffered-file.interceptor';
import { LeadFilesService, UploadedFile as LeadUpload } from './lead-files.service';
import { downloadHeaders } from './served-file-headers';

/** Multipart limit; the gateway streams at most FILE_UPLOAD_LIMIT_BYTES through, this is the second fence. */
const MAX_FILE_BYTES = Number(process.env['FILE_LIMIT_BYTES'] ?? 20 * 1024 * 1024);

@Controller('v1/campaigns/:campaignId/leads/:leadId/files')
@UseGuards(InternalPrincipalGuard)
// Before the upload's own interceptor: an upload takes its place among the writes before it is buffered.
@UseInterceptors(BulkheadInterceptor)
export class LeadFilesController {
  constructor(private readonly files: LeadFilesService) {}

  @Get()
  @InBulkhead('read')
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Param('leadId') leadId: string,
  ) {
    requireScope(principal, 'files:read');
    return { data: await this.files.list(principal, campaignId, leadId) };
  }

  @Post()
  @InBulkhead('write')
  // The upload is in memory (the body, read whole and digest-checked), bounded by the limit, then GridFS.
  @UseInterceptors(BufferedFileInterceptor('file', MAX_FILE_BYTES))
  upload(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Param('leadId') leadId: string,
    @UploadedFile() file: LeadUpload | undefined,
  ) {
    requireScope(principal, 'files:write');
    return this.files.upload(principal, campaignId, leadId, file);
  }

  @Get(':fileId')
  @InBulkhead('read')
  async download(
    @CurrentPrincipal() principal: Principal,
    @Param('campaignId') campaignId: string,
    @Param('leadId') leadId: string,
    @Param('fileId') fileId: string,
    @Res() response: Response,
  ): Promise<void> {
    requireScope(principal, 'files:read');
    const file = await this.files.open(principal, campaignId, leadId, fileId);
    // Served as the uploader's type only if that is on the safe list; never as a page (stored XSS).
    for (const [name, value] of Object.entries(downloadHeaders(file))) response.setHeader(name, value);
    file.stream.pipe(response);
  }
}
