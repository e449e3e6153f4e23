/*
 * The small kit the till and the office share: a modal dialog, a labelled form field with its
 * error, a table for records that stays quick at 100,000 rows, and the submit hook that holds an
 * action's busy state and its problems.
 */
export { ConfirmDialog, Dialog } from './Dialog.js';
export { CheckField, FormField, type FieldControlProps } from './FormField.js';
export { DataTable, type Column } from './DataTable.js';
export { useSubmit, type Submission, type SubmitOptions } from './use-submit.js';
export { FormProblem, NotDone, fieldProblems, problemFor, type FieldProblem } from './field-problems.js';
