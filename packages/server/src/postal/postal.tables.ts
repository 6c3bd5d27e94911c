import type { ColumnType, Selectable } from 'kysely';

/** Results by post (058_create-postal-shipments.sql). */
export type PostalTables = { postalShipment: PostalShipmentTable };

export type ShipmentStatus = 'pending' | 'created' | 'picked_up' | 'in_transit' | 'delivered' | 'returned';

export interface PostalShipmentTable {
  id: string;
  provinceCode: string;
  dossierId: string;
  dossierCode: string;
  idempotencyKey: string;
  recipientName: string;
  recipientPhone: string | null;
  address: string;
  destination: 'same-province' | 'other-province';
  weightClass: string;
  fee: number;
  status: ColumnType<ShipmentStatus, ShipmentStatus | undefined, ShipmentStatus>;
  trackingNumber: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  orderedAt: Date | null;
  deliveredAt: Date | null;
}

export type ShipmentRow = Selectable<PostalShipmentTable>;
