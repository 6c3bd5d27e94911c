// The part of the `smpp` package (no types of its own) that the gateway and the SMSC stand-in use.
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer } from 'node:net';

  // CommonJS: read it as the default import (its constants are assigned in loops, which Node's
  // named-export detection does not see).
  export = smpp;
  namespace smpp {
    export interface PDU {
      command: string;
      command_status: number;
      sequence_number: number;
      [field: string]: unknown;
      isResponse(): boolean;
      response(options?: Record<string, unknown>): PDU;
    }

    export class Session extends EventEmitter {
      server?: Server;
      send(pdu: PDU, responseCallback?: (pdu: PDU) => void): boolean;
      close(callback?: () => void): void;
      destroy(callback?: () => void): void;
      pause(): void;
      resume(): void;
      bind_transceiver(options: Record<string, unknown>, callback?: (pdu: PDU) => void): boolean;
      submit_sm(options: Record<string, unknown>, callback?: (pdu: PDU) => void): boolean;
      deliver_sm(options: Record<string, unknown>, callback?: (pdu: PDU) => void): boolean;
      enquire_link(options?: Record<string, unknown>, callback?: (pdu: PDU) => void): boolean;
      unbind(options?: Record<string, unknown>, callback?: (pdu: PDU) => void): boolean;
    }

    export interface Server extends NetServer {
      sessions: Session[];
    }

    export function createServer(options: Record<string, unknown>, listener: (session: Session) => void): Server;
    export function connect(options: { host: string; port: number; tls?: boolean }, listener?: () => void): Session;

    export const ESME_ROK: number;
    export const ESME_RTHROTTLED: number;
    export const ESME_RBINDFAIL: number;
    export const ESME_RSYSERR: number;
    export const ESME_RINVBNDSTS: number;
    export const ESME_RINVDSTADR: number;
    export const ESME_RMSGQFUL: number;
    export const ESME_RX_T_APPN: number;
    export const ESM_CLASS: { MC_DELIVERY_RECEIPT: number; UDH_INDICATOR: number };
    export const ENCODING: { UCS2: number; SMSC_DEFAULT: number };
    export const MESSAGE_STATE: Record<
      'SCHEDULED' | 'ENROUTE' | 'DELIVERED' | 'EXPIRED' | 'DELETED' | 'UNDELIVERABLE' | 'ACCEPTED' | 'UNKNOWN' | 'REJECTED',
      number
    >;
    export const errors: Record<string, number>;
    export const encodings: Record<'ASCII' | 'LATIN1' | 'UCS2', { match(value: string): boolean; encode(value: string): Buffer }>;
  }
}
