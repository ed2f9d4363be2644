import { Group, Stack, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterAnchor } from '../../../components/links.tsx';
import type { PartnerTabProps } from '../PartnerPage.tsx';
import { MeetingsSection } from './MeetingsSection.tsx';
import { NetworkSection } from './NetworkSection.tsx';
import { OrganizationsSection } from './OrganizationsSection.tsx';
import { ProjectBoard } from './ProjectBoard.tsx';
import { StatementsSection } from './StatementsSection.tsx';

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {action}
      </Group>
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
      <Section
        title={t('meetings.title')}
        action={
          // After a meeting its readout is where the records come from.
          <RouterAnchor c="teal.9" size="sm" to="/readouts/new" search={{ relationshipId: relationship.id }}>
            {t('meetings.addReadout')}
          </RouterAnchor>
        }
      >
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
