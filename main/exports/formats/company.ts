import type { ExportProfile } from '../profiles';

export class ProfileIncompleteError extends Error {}

/** The company name a system needs on every document, or a message saying where to set it. */
export function requireCompany(profile: ExportProfile, system: string): string {
  if (profile.companyName === '') {
    throw new ProfileIncompleteError(
      `${system} needs the company on every document: set "Company name" in the export profile "${profile.name}"`,
    );
  }
  return profile.companyName;
}
