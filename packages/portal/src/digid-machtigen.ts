/**
 * The seam for DigiD Machtigen (Logius): the authorisations a resident gave someone to act for
 * them, for a service of this municipality. A written machtiging is not recorded by staff: when
 * this service is connected, the portal asks it at login who the citizen may act for; until then
 * no machtiging gives access. Not implemented here: the connection needs a Logius agreement and
 * its own broker flow.
 */
export interface DigidMachtigen {
  /** Who `representativeBsn` may act for in `municipalityCode`'s social-domain services, as DigiD Machtigen answers today. */
  authorisationsFor(representativeBsn: string, municipalityCode: string): Promise<DigidMachtiging[]>;
}

export interface DigidMachtiging {
  representedBsn: string;
  /** The service the authorisation is for, as registered with DigiD Machtigen. */
  service: string;
  validUntil: string | null;
}
