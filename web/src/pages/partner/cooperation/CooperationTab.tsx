import { Stack, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerTabProps } from '../PartnerPage.tsx';
import { MeetingsSection } from './MeetingsSection.tsx';
import { NetworkSection } from './NetworkSection.tsx';
import { OrganizationsSection } from './OrganizationsSection.tsx';
import { ProjectBoard } from './ProjectBoard.tsx';
import { StatementsSection } from './StatementsSection.tsx';

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

/** The cooperation of one relationship: projects by stage, meetings, what was said and promised, who, and where. */
export default function CooperationTab({ relationship }: PartnerTabProps) {
  const { t } = useTranslation('cooperation');
  return (
    <Stack gap="xl">
      <Section title={t('board.title')}>
        <ProjectBoard relationship={relationship} />
      </Section>
      <Section title={t('meetings.title')}>
        <MeetingsSection relationship={relationship} />
      </Section>
      <Section title={t('statements.title')}>
        <StatementsSection relationship={relationship} />
      </Section>
      <Section title={t('organizations.title')}>
        <OrganizationsSection relationship={relationship} />
      </Section>
      <Section title={t('network.title')}>
        <NetworkSection relationship={relationship} />
      </Section>
    </Stack>
  );
}
