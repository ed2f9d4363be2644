import { Alert, Button, Drawer, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { readableInputStyles } from '../../../components/forms/RecordForm.tsx';
import { problemMessage } from '../../../components/forms/values.ts';
import { ErrorState, Loading } from '../../../components/states.tsx';
import { formatDate, languageName } from '../../../i18n/format.ts';
import {
  briefingUrl,
  fetchPreview,
  formats,
  languages,
  saveBriefing,
  savedBriefingsKey,
  type BriefingChoice,
  type BriefingFormat,
  type BriefingLanguage,
} from './api.ts';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const authorStorageKey = 'accord.briefingAuthor';

export interface BriefingDrawerProps {
  opened: boolean;
  onClose: () => void;
  relationshipId: string;
  /** The meeting the briefing prepares, when opened from one. */
  meetingId?: string;
  /** The day the briefing is as of until the user picks another. */
  defaultAsOf: string;
}

/**
 * Produces a briefing: the user picks the day, language, format and marking, reads the HTML version here,
 * then downloads the chosen format or saves it with the partner's briefings.
 */
export function BriefingDrawer({ opened, onClose, relationshipId, meetingId, defaultAsOf }: BriefingDrawerProps) {
  const { t, i18n } = useTranslation('briefing');
  const [asOf, setAsOf] = useState(defaultAsOf);
  const [lang, setLang] = useState<BriefingLanguage>(i18n.language === 'en' ? 'en' : 'ru');
  const [format, setFormat] = useState<BriefingFormat>('docx');
  const [marking, setMarking] = useState('');
  const [author, setAuthor] = useState(() => window.localStorage.getItem(authorStorageKey) ?? '');
  const [settledMarking] = useDebouncedValue(marking, 400);
  const queryClient = useQueryClient();
  const validDay = isoDay.test(asOf);
  const choice: BriefingChoice = { relationshipId, meetingId, asOf, lang, format, marking };
  const previewChoice = { ...choice, marking: settledMarking };

  const preview = useQuery({
    queryKey: ['briefing-preview', relationshipId, meetingId ?? null, asOf, lang, settledMarking],
    queryFn: () => fetchPreview(previewChoice),
    enabled: opened && validDay,
    staleTime: 60_000,
    retry: false,
  });
  const save = useMutation({
    mutationFn: () => saveBriefing(choice, author),
    onSuccess: () => {
      if (author.trim()) window.localStorage.setItem(authorStorageKey, author.trim());
      void queryClient.invalidateQueries({ queryKey: savedBriefingsKey(relationshipId) });
    },
  });
  const saveProblems =
    save.error instanceof ApiError && save.error.problems.length > 0
      ? save.error.problems.map((problem) => problemMessage(problem, t, i18n.language))
      : save.error
        ? [save.error.message]
        : [];

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="min(1100px, 100%)"
      title={t('title')}
      closeButtonProps={{ 'aria-label': t('close') }}
      data-testid="briefing-drawer"
    >
      <Stack>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            type="date"
            label={t('asOf')}
            description={validDay ? formatDate(asOf, i18n.language) : t('asOfNeeded')}
            value={asOf}
            max="9999-12-31"
            onChange={(event) => setAsOf(event.currentTarget.value)}
            error={!validDay}
            styles={readableInputStyles}
            w={190}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="briefing-language">
              {t('language')}
            </Text>
            <SegmentedControl
              aria-labelledby="briefing-language"
              value={lang}
              onChange={(value) => setLang(value as BriefingLanguage)}
              data={languages.map((code) => ({ value: code, label: languageName(code, i18n.language) }))}
            />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="briefing-format">
              {t('format')}
            </Text>
            <SegmentedControl
              aria-labelledby="briefing-format"
              value={format}
              onChange={(value) => setFormat(value as BriefingFormat)}
              data={formats.map((code) => ({ value: code, label: t(`formats.${code}`) }))}
            />
          </Stack>
        </Group>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('marking')}
            placeholder={t('markingExample')}
            value={marking}
            maxLength={200}
            onChange={(event) => setMarking(event.currentTarget.value)}
            w={320}
          />
          <TextInput
            label={t('author')}
            description={t('authorHint')}
            value={author}
            maxLength={200}
            onChange={(event) => setAuthor(event.currentTarget.value)}
            styles={readableInputStyles}
            w={260}
          />
        </Group>
        <Group>
          <Button
            component="a"
            href={validDay ? briefingUrl(choice) : undefined}
            download
            color="teal.9"
            disabled={!validDay}
            data-testid="briefing-download"
          >
            {t('download', { format: t(`formats.${format}`) })}
          </Button>
          <Button
            variant="outline"
            color="teal.9"
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={!validDay}
            data-testid="briefing-save"
          >
            {t('save')}
          </Button>
        </Group>
        {save.isSuccess && (
          <Alert color="teal" variant="light" role="status" data-testid="briefing-saved">
            {t('saved', { title: save.data.title })}
          </Alert>
        )}
        {saveProblems.length > 0 && (
          <Alert color="red" variant="light" role="alert" title={t('saveFailed')}>
            {saveProblems.map((message) => (
              <Text key={message} size="sm">
                {message}
              </Text>
            ))}
          </Alert>
        )}
        <Text size="sm" fw={600}>
          {t('preview', { language: languageName(lang, i18n.language) })}
        </Text>
        {!validDay && <Text c="gray.7">{t('asOfNeeded')}</Text>}
        {validDay && preview.isPending && <Loading label={t('previewLoading')} />}
        {preview.isError && <ErrorState error={preview.error} />}
        {preview.data !== undefined && (
          <iframe
            title={t('previewTitle')}
            // No script in the preview and no reach into the workspace: the document is only shown.
            sandbox=""
            srcDoc={preview.data}
            data-testid="briefing-preview"
            style={{
              width: '100%',
              height: '70vh',
              border: '1px solid var(--mantine-color-gray-4)',
              background: '#fff',
            }}
          />
        )}
      </Stack>
    </Drawer>
  );
}
