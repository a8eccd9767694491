import { FormLabel, Select, SelectOption } from '@utrecht/component-library-react';
import { useApp } from '../app-context';
import { isPurpose, PURPOSES } from '../purpose';

/** "Werken onder doel": every request for personal data carries this purpose (doelbinding). */
export function PurposeSelect() {
  const { purpose, setPurpose, t } = useApp();
  return (
    <div className="kern-purpose">
      <FormLabel htmlFor="purpose">{t('purpose.label')}</FormLabel>
      <Select
        id="purpose"
        name="purpose"
        value={purpose ?? ''}
        invalid={false}
        onChange={(event) => setPurpose(isPurpose(event.target.value) ? event.target.value : null)}
      >
        <SelectOption value="">{t('purpose.none')}</SelectOption>
        {PURPOSES.map((code) => (
          <SelectOption key={code} value={code}>
            {t(`purpose.${code}`)}
          </SelectOption>
        ))}
      </Select>
    </div>
  );
}
