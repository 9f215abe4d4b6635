import { describe, expect, it } from 'vitest';
import { MAX_RUBRIC_FILE_BYTES, jsonByteLength, rubricFileSizeProblem } from '@/lib/rubric/file-size';

describe('rubricFileSizeProblem', () => {
  it('accepts files up to 1 MB', () => {
    expect(rubricFileSizeProblem(0)).toBeNull();
    expect(rubricFileSizeProblem(MAX_RUBRIC_FILE_BYTES)).toBeNull();
  });

  it('refuses bigger files, naming their size', () => {
    expect(rubricFileSizeProblem(1_400_000)).toBe('This file is 1.4 MB; rubric files can be at most 1 MB.');
    expect(rubricFileSizeProblem(1_449_999)).toBe('This file is 1.4 MB; rubric files can be at most 1 MB.');
    // just over the limit: never "1 MB; … at most 1 MB"
    expect(rubricFileSizeProblem(MAX_RUBRIC_FILE_BYTES + 1)).toBe('This file is 1.01 MB; rubric files can be at most 1 MB.');
    expect(rubricFileSizeProblem(1_040_000)).toBe('This file is 1.04 MB; rubric files can be at most 1 MB.');
    expect(rubricFileSizeProblem(25_000_000)).toBe('This file is 25 MB; rubric files can be at most 1 MB.');
  });
});

describe('jsonByteLength', () => {
  it('counts UTF-8 bytes of the compact JSON', () => {
    expect(jsonByteLength({ a: 'é' })).toBe('{"a":"é"}'.length + 1);
    expect(jsonByteLength(undefined)).toBe(0);
  });
});
