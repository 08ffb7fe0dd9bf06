/** A refusal in Partner Center's terms (facts §7.3 error body: code, description), before it becomes a Reply. */
export interface PartnerCenterFailure {
  status: number;
  code: string;
  description: string;
  headers?: Record<string, string>;
}
