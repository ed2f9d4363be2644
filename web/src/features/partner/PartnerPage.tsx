import { Title } from '@mantine/core';

// Placeholder until this page is built.
export default function PartnerPage() {
  return <Title order={1}>PartnerPage</Title>;
}
