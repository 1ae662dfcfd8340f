// A labelled drop-down of a GET filter form (the registrations' filter bar, the audit log's): the
// URL carries the choice, so a view can be bookmarked and works without JavaScript.
type Option = { value: string; label: string }

export function FilterSelect({
  name,
  label,
  value,
  options,
  allLabel,
}: {
  name: string
  label: string
  value: string | undefined
  options: readonly Option[]
  /** The first choice, meaning "no filter" (an empty value); leave out for a choice that must be made (sorting). */
  allLabel?: string
}) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={value ?? ''}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}
