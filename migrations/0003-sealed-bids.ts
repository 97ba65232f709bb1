// Sealed bids (DESIGN §5): bids keep only their JWE until opening, every accepted change gets a signed
// receipt, and Idempotency-Key makes bid commands safe to retry. Frozen: never import src/ here.
import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table bids add column ciphertext text;
    alter table bids add column ciphertext_sha256 text;
    alter table bids add column mode text;
    alter table bids add column opening_reason text;
    -- Bids stored before sealing keep their plaintext; their hash was over that plaintext.
    update bids set ciphertext_sha256 = content_hash, mode = 'plaintext-legacy';
    alter table bids alter column ciphertext_sha256 set not null;
    alter table bids alter column mode set not null;
    alter table bids add constraint bids_mode
      check (mode in ('jwe', 'plaintext-convenience', 'plaintext-legacy'));
    alter table bids add constraint bids_sealed check (mode = 'plaintext-legacy' or ciphertext is not null);
    alter table bids alter column content drop not null;
    alter table bids drop column content_hash;

    create table bid_receipts (
      id text primary key,
      bid_id text not null references bids(id),
      tender_id text not null references tenders(id),
      bidder_org_id text not null references organisations(id),
      action text not null check (action in ('submitted', 'replaced', 'withdrawn')),
      jws text not null,
      issued_at timestamptz not null
    );
    create index bid_receipts_bid on bid_receipts(bid_id, issued_at);
    create function bid_receipts_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'bid receipts are append-only (% refused)', tg_op using errcode = 'P0001';
    end $$;
    create trigger bid_receipts_append_only before update or delete on bid_receipts
      for each row execute function bid_receipts_refuse_change();

    create table idempotency_keys (
      key text not null,
      bidder_org_id text not null references organisations(id),
      route text not null,
      request_sha256 text not null,
      status_code integer,
      response jsonb,
      created_at timestamptz not null,
      primary key (bidder_org_id, key)
    );
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table idempotency_keys;
    drop trigger bid_receipts_append_only on bid_receipts;
    drop table bid_receipts;
    drop function bid_receipts_refuse_change();
    alter table bids add column content_hash text;
    update bids set content_hash = ciphertext_sha256;
    alter table bids alter column content_hash set not null;
    alter table bids drop constraint bids_sealed;
    alter table bids drop constraint bids_mode;
    alter table bids drop column opening_reason;
    alter table bids drop column mode;
    alter table bids drop column ciphertext_sha256;
    alter table bids drop column ciphertext;
  `.execute(db)
}
