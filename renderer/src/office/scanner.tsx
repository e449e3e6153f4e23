import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { FormField } from '../ui-kit/index.js';
import { office } from './api.js';
import { scanCodeLookup, type ScannedCode } from './scan-codes.js';
import { useLoaded } from './use-loaded.js';

/** A page's scanner: the catalogue loaded to look codes up in, and what the last scan did. */
export interface Scanner {
  /** False until the catalogue has loaded: the field waits, and the status says so. */
  ready: boolean;
  /** What the last scan did ("Milk 1 l: +12."), or that its code is of no product. */
  said: string;
  /** Takes a scanned or typed code: an empty one is passed over, an unknown one said so, a known one handed on. */
  take(code: string): void;
  /** Forgets what the last scan did, as a form does once it is sent. */
  clear(): void;
}

/**
 * The scanner of an office page that scans products in (receiving a delivery, sending a transfer,
 * counting stock): `onScanned` adds what a known code counts (one piece, or a case's pieces) and
 * returns what to say of it.
 */
export function useScanner(onScanned: (scanned: ScannedCode) => string): Scanner {
  const catalogue = useLoaded(() => office.get('/api/office/products'), 'products');
  const lookup = useMemo(() => scanCodeLookup(catalogue.value ?? []), [catalogue.value]);
  const [said, setSaid] = useState('');
  const take = (code: string) => {
    const typed = code.trim();
    if (!typed) return;
    const scanned = lookup(typed);
    setSaid(scanned ? onScanned(scanned) : `Unknown code ${typed}: nothing added.`);
  };
  return { ready: Boolean(catalogue.value), said, take, clear: () => setSaid('') };
}

/** The field a scanner types into (or a person): Enter hands what it holds to the scanner and empties it for the next scan. */
export function ScanCodeField(props: { scanner: Scanner; autoFocus?: boolean }) {
  const [code, setCode] = useState('');
  const field = useRef<HTMLInputElement>(null);
  // With `autoFocus`, the field takes the focus once the catalogue is in: the next scan lands in it.
  useEffect(() => {
    if (props.autoFocus && props.scanner.ready) field.current?.focus();
  }, [props.autoFocus, props.scanner.ready]);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    props.scanner.take(code);
    setCode('');
  };
  return (
    <FormField label="Scan or type a barcode or SKU" hint="Enter adds one (a case: its pieces)">
      {(control) => <input {...control} value={code} onChange={(event) => setCode(event.target.value)} onKeyDown={onKeyDown} autoComplete="off" size={18} disabled={!props.scanner.ready} ref={field} />}
    </FormField>
  );
}

/** What the last scan did, or that the catalogue is still loading. */
export function ScanStatus(props: { scanner: Scanner }) {
  return (
    <p role="status" className="muted">
      {props.scanner.ready ? props.scanner.said : 'Loading the catalogue for the scanner…'}
    </p>
  );
}
