import { computeDeadline } from './deadline';

export const objectionDueFor = (decidedOn: string): string => computeDeadline({ termId: 'awb-bezwaar', start: decidedOn }).due;
