import { Injectable } from '@nestjs/common';
import { bucketOfPosition, listBucketKey } from './list-buckets';
import { LeadDocument, NewLead } from './lead.schema';
import { ListSequencesRepository } from './list-sequences.repository';

/** Positions claimed beyond a group's need, kept for the next creates of the campaign. */
const RESERVED_AHEAD = 16;
/**
 * How long kept positions stay usable. A lead may sit in a bucket before leads created slightly
 * earlier elsewhere; keeping positions briefly bounds that to the window a reader cannot tell
 * from the time a commit takes anyway.
 */
const RESERVATION_MS = 1_000;

interface Reservation {
  next: number;
  end: number;
  until: number;
}

/**
 * Files new leads in their campaign's list buckets (list-buckets.ts). Claims positions for a
 * group at once and keeps a few for the next group, so single creates under load share one
 * counter update; a reservation left unused only leaves a bucket less full.
 */
@Injectable()
export class ListPositions {
  private readonly reservations = new Map<string, Reservation>();

  constructor(private readonly sequences: ListSequencesRepository) {}

  /** The leads with their list buckets, in input order. */
  async place(leads: NewLead[]): Promise<LeadDocument[]> {
    const byCampaign = new Map<string, number[]>();
    leads.forEach((lead, index) => {
      const indexes = byCampaign.get(lead.campaign_id);
      if (indexes) indexes.push(index);
      else byCampaign.set(lead.campaign_id, [index]);
    });
    const placed: LeadDocument[] = [];
    for (const [campaignId, indexes] of byCampaign) {
      const first = await this.positions(campaignId, indexes.length);
      indexes.forEach((index, offset) => {
        placed[index] = { ...leads[index], list_bucket: listBucketKey(campaignId, bucketOfPosition(first + offset)) };
      });
    }
    return placed;
  }

  /** `count` consecutive positions: from the reservation when it holds them, else freshly claimed. */
  private async positions(campaignId: string, count: number): Promise<number> {
    const now = Date.now();
    const kept = this.reservations.get(campaignId);
    if (kept && kept.until > now && kept.end - kept.next >= count) {
      kept.next += count;
      return kept.next - count;
    }
    const first = await this.sequences.claim(campaignId, count + RESERVED_AHEAD);
    this.forgetExpired(now);
    this.reservations.set(campaignId, {
      next: first + count,
      end: first + count + RESERVED_AHEAD,
      until: now + RESERVATION_MS,
    });
    return first;
  }

  private forgetExpired(now: number): void {
    for (const [campaignId, reservation] of this.reservations)
      if (reservation.until <= now) this.reservations.delete(campaignId);
  }
}
