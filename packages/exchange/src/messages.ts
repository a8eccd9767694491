/** The iWmo and iJw 3.2 message catalogue: which message is which, its namespace and BerichtCode. */
export const standards = ['iwmo', 'ijw'] as const;
export type Standard = (typeof standards)[number];

export const messageNumbers = ['301', '302', '305', '306', '307', '308', '315', '316', '317', '318', '319', '320', '323', '325'] as const;
export type MessageNumber = (typeof messageNumbers)[number];

/** BerichtCode per COD002 (iWmo per "Master overview iWmo XSD schema's", iJw per the JW XSDs). */
const berichtCodes: Record<Standard, Record<MessageNumber, string>> = {
  iwmo: { '301': '414', '302': '415', '305': '418', '306': '419', '307': '420', '308': '421', '315': '444', '316': '445', '317': '480', '318': '481', '319': '482', '320': '483', '323': '484', '325': '485' },
  ijw: { '301': '436', '302': '437', '305': '438', '306': '439', '307': '440', '308': '441', '315': '446', '316': '447', '317': '486', '318': '487', '319': '488', '320': '489', '323': '490', '325': '491' },
};

/** The return message that answers a message (302 answers 301, 325 answers 323, ...). */
export const returnOf: Partial<Record<MessageNumber, MessageNumber>> = { '301': '302', '305': '306', '307': '308', '315': '316', '317': '318', '319': '320', '323': '325' };

export interface MessageType {
  standard: Standard;
  number: MessageNumber;
  /** WMO323 / JW323: the file name of its XSD and the name in the return codes list. */
  name: string;
  namespace: string;
  baseNamespace: string;
  prefix: string;
  basePrefix: string;
  berichtCode: string;
}

export function messageType(standard: Standard, number: MessageNumber): MessageType {
  const short = standard === 'iwmo' ? `wmo${number}` : `jw${number}`;
  return {
    standard,
    number,
    name: standard === 'iwmo' ? `WMO${number}` : `JW${number}`,
    namespace: `http://www.istandaarden.nl/${standard}/3_2/${short}/schema`,
    baseNamespace: `http://www.istandaarden.nl/${standard}/3_2/basisschema/schema`,
    prefix: short,
    basePrefix: standard,
    berichtCode: berichtCodes[standard][number],
  };
}

export const allMessageTypes: MessageType[] = standards.flatMap((s) => messageNumbers.map((n) => messageType(s, n)));

/** Recognises a message by its root namespace; undefined for anything that is not iWmo/iJw 3.2. */
export function messageTypeByNamespace(namespace: string): MessageType | undefined {
  return allMessageTypes.find((t) => t.namespace === namespace);
}
