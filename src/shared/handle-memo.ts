// Facts that never change once known (a published tender's key and rule pack, an organisation's USCC),
// remembered per database handle so test databases never share entries. A lookup in flight is shared:
// the burst of requests that opens a deadline rush after a restart makes one query per key, not one per
// request. A failed lookup, or an answer `keep` refuses (not known yet), is forgotten and asked again.

export function handleMemo<H extends object, V>(
  load: (handle: H, key: string) => Promise<V>,
  keep: (value: V) => boolean = () => true,
): (handle: H, key: string) => Promise<V> {
  const byHandle = new WeakMap<H, Map<string, Promise<V>>>()
  return (handle, key) => {
    let entries = byHandle.get(handle)
    if (!entries) {
      entries = new Map()
      byHandle.set(handle, entries)
    }
    const known = entries.get(key)
    if (known) return known
    const loading = load(handle, key)
    entries.set(key, loading)
    const forget = () => {
      if (entries.get(key) === loading) entries.delete(key)
    }
    loading.then((value) => {
      if (!keep(value)) forget()
    }, forget)
    return loading
  }
}
