/**
 * `work` over `items`, a bounded number at a time. Creating and deleting many small
 * files is far faster overlapped than one by one (the disk waits overlap), and file
 * handles are finite. After a failure no new item starts, and it settles only when every
 * started item has, so nothing is still writing when the caller cleans up.
 */
export async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>, limit = 32): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failure) {
      try {
        await work(items[next++]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}
