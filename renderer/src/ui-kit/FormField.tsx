import { useId, type ReactNode } from 'react';

/** What a field's control takes to be labelled, described and marked invalid. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A labelled control with its hint and its error beneath: the control is rendered by `children`
 * with the props that tie it to both, so a screen reader reads the error with the field.
 */
export function FormField(props: { label: ReactNode; hint?: ReactNode; error?: string; className?: string; children(control: FieldControlProps): ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={`form-field${props.error ? ' has-error' : ''}${props.className ? ` ${props.className}` : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, 'aria-invalid': props.error ? true : undefined, 'aria-describedby': described || undefined })}
      {props.hint ? (
        <span id={hintId} className="field-hint">
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span id={errorId} className="field-error" data-field-error>
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

/** A checkbox with its label after it, and an error beneath like any field. */
export function CheckField(props: { label: ReactNode; checked: boolean; onChange(checked: boolean): void; error?: string; disabled?: boolean }) {
  const id = useId();
  return (
    <div className={`form-field check-field${props.error ? ' has-error' : ''}`}>
      <input id={id} type="checkbox" checked={props.checked} disabled={props.disabled} onChange={(event) => props.onChange(event.target.checked)} aria-invalid={props.error ? true : undefined} aria-describedby={props.error ? `${id}-error` : undefined} />
      <label htmlFor={id}>{props.label}</label>
      {props.error ? (
        <span id={`${id}-error`} className="field-error" data-field-error>
          {props.error}
        </span>
      ) : null}
    </div>
  );
}
