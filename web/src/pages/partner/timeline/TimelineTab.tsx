import type { PartnerTabProps } from '../PartnerPage.tsx';

// Placeholder until this tab is built.
export default function TimelineTab({ relationship }: PartnerTabProps) {
  return <p>{relationship.partner.nameEn}</p>;
}
