// A placeholder where reviewers' qa-review/1 files are imported (contract §12: `import-reviews`,
// `import-report`); the import feature replaces this file.
export function ImportPanel() {
  return <p className="muted">Importing reviewers' files comes in a later release.</p>;
}
