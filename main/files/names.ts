/** A name any file system takes: the characters Windows refuses become underscores. */
export const safeFileName = (name: string): string => name.replace(/[\\/:*?"<>|]/g, '_');

/** A moment as part of a file name, sorting in time order: 2026-12-01T21-44-05-123Z. */
export const fileStamp = (at: Date): string => at.toISOString().replace(/[:.]/g, '-');
