import type { SectionGrant } from '@kern/access';
import type { SectionSourceFor } from './contract';

/** A section of the household view, filled by the module that owns its data (contract/section-source.ts). */
export type SectionSource = SectionSourceFor<SectionGrant>;
