import { Title } from '@mantine/core';

// Placeholder until this page is built.
export default function TradeDataPage() {
  return <Title order={1}>TradeDataPage</Title>;
}
