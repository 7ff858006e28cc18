import { SelectField } from './ui';

/** Which column of the file holds which field: one select per field, the file's headers as options. */
export function PemetaanKolom<F extends string>(props: { fields: readonly F[]; labels: Record<F, string>; headers: string[]; mapping: Partial<Record<F, string>>; onChange: (field: F, header: string | undefined) => void }) {
  return (
    <fieldset>
      <legend>Pemetaan kolom</legend>
      <div className="grid-map">
        {props.fields.map((f) => (
          <SelectField key={f} label={props.labels[f]} value={props.mapping[f] ?? ''} onChange={(v) => props.onChange(f, v || undefined)} empty="— tidak ada —" options={props.headers.map((h) => ({ value: h, label: h }))} />
        ))}
      </div>
    </fieldset>
  );
}

/** The first rows of a file as read, before anything is imported. */
export function PratinjauTabel(props: { label: string; headers: string[]; sampel: string[][] }) {
  return (
    <div className="table-scroll">
      <table aria-label={props.label}>
        <thead>
          <tr>
            {props.headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.sampel.map((row, i) => (
            <tr key={i}>
              {row.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
