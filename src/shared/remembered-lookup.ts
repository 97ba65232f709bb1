// Facts that never change once known (a published tender's key and rule pack, an organisation's USCC),
// remembered by the object that asks for them: each app builds its own lookups over its own database,
// so two apps or test databases never share an entry. A lookup in flight is shared: the burst of
// requests that opens a deadline rush after a restart makes one query per key, not one per request. A
// failed lookup, or an answer `keep` refuses (not known yet), is forgotten and asked again.

export function rememberedLookup<V>(
  load: (key: string) => Promise<V>,
  keep: (value: V) => boolean = () => true,
): (key: string) => Promise<V> {
  const entries = new Map<string, Promise<V>>()
  return (key) => {
    const known = entries.get(key)
    if (known) return known
    const loading = load(key)
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
