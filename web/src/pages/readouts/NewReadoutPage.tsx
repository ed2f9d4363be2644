import {
  Alert,
  Button,
  FileInput,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Problem } from '../../api/client.ts';
import { readableInputStyles } from '../../components/forms/RecordForm.tsx';
import { useOptions } from '../../components/forms/options.ts';
import { problemMessage } from '../../components/forms/values.ts';
import { formatDecimal, formatNumber } from '../../i18n/format.ts';
import { readReadout, type ReadoutDetails } from './api.ts';

type Field = 'text' | 'file' | 'documentDate' | 'title' | 'sourceUrl' | 'publisher' | 'relationshipId';
const fields: Field[] = ['text', 'file', 'documentDate', 'title', 'sourceUrl', 'publisher', 'relationshipId'];

/**
 * The field a problem is about: `documentDate`, or `querystring.sourceUrl` when a file was sent. What is
 * wrong with the readout itself (empty, not a readout) stands by whichever of text or file was given.
 */
function fieldOf(problem: Problem, source: 'text' | 'file'): Field | undefined {
  if (problem.code === 'date_needed') return 'documentDate';
  const first = problem.path.replace(/^(body|querystring)\./, '').split('.')[0];
  if (first === 'text' || first === 'file' || first === 'fileName') return source;
  return fields.find((field) => field === first);
}

const accepted = '.txt,.html,.htm,.docx,.pdf,text/plain,text/html,application/pdf';

/** Paste a readout or choose its file, say what the text may not (its date, where it was published), and read it. */
export default function NewReadoutPage() {
  const { t, i18n } = useTranslation('readouts');
  const search = useSearch({ from: '/readouts/new' });
  const navigate = useNavigate();
  const relationships = useOptions('relationships');
  const dateInput = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState<'text' | 'file'>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [documentDate, setDocumentDate] = useState('');
  const [title, setTitle] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [publisher, setPublisher] = useState('');
  const [relationshipId, setRelationshipId] = useState<string | null>(search.relationshipId ?? null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [unplaced, setUnplaced] = useState<string[]>([]);

  const read = useMutation({
    mutationFn: ({ input, details }: { input: { text: string } | { file: File }; details: ReadoutDetails }) =>
      readReadout(input, details),
    onSuccess: (readout) => void navigate({ to: '/readouts/$id', params: { id: readout.id } }),
    onError: (error) => {
      if (!(error instanceof ApiError)) {
        setUnplaced([error instanceof Error ? error.message : String(error)]);
        return;
      }
      // Refused by the server's body limit before Accord read a byte: there is no problem to say.
      if (error.status === 413 && error.problems.length === 0) {
        setErrors({ [source]: t('new.tooLarge') });
        return;
      }
      const byField: Partial<Record<Field, string>> = {};
      const rest: string[] = [];
      for (const problem of error.problems) {
        const message = sayProblem(problem);
        const field = fieldOf(problem, source);
        if (field) byField[field] ??= message;
        else rest.push(message);
      }
      if (error.problems.length === 0) rest.push(i18n.language === 'en' ? error.message : t('new.refusedGeneral'));
      setErrors(byField);
      setUnplaced(rest);
      // The one thing the reader can always fix at once: the date the text does not state.
      if (byField.documentDate) dateInput.current?.focus();
    },
  });

  /**
   * A file over the limit is said in megabytes, a text in characters (the general bound says neither), a
   * text that is no readout by why; the rest as the record forms say them.
   */
  function sayProblem(problem: Problem): string {
    const params = problem.params ?? {};
    const language = i18n.language;
    if (problem.code === 'too_big' && typeof params.maximum === 'number') {
      return problem.path === 'file'
        ? t('new.fileTooBig', { megabytes: formatDecimal(params.maximum / 2 ** 20, language) })
        : t('new.textTooLong', { count: params.maximum, n: formatNumber(params.maximum, language) });
    }
    if (problem.code === 'not_a_readout' && typeof params.reason === 'string') {
      const said = t(`new.notReadout.${params.reason}`, { ...params, defaultValue: '' });
      if (said !== '') return said;
    }
    return problemMessage(problem, t, language);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setUnplaced([]);
    const found: Partial<Record<Field, string>> = {};
    if (source === 'text' && text.trim() === '') found.text = t('new.noText');
    if (source === 'file' && !file) found.file = t('new.noFile');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const details: ReadoutDetails = {
      documentDate: documentDate.trim() || null,
      title: title.trim() || null,
      sourceUrl: sourceUrl.trim() || null,
      publisher: publisher.trim() || null,
      relationshipId,
    };
    read.mutate({ input: source === 'file' && file ? { file } : { text }, details });
  }

  return (
    <Stack maw={900}>
      <Title order={1}>{t('new.title')}</Title>
      <Text c="gray.7">{t('new.intro')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SegmentedControl
            aria-label={t('new.source')}
            value={source}
            onChange={(value) => setSource(value === 'file' ? 'file' : 'text')}
            data={[
              { value: 'text', label: t('new.paste') },
              { value: 'file', label: t('new.upload') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          {source === 'text' ? (
            <Textarea
              label={t('new.text')}
              description={t('new.textHint')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              error={errors.text}
              autosize
              minRows={10}
              maxRows={24}
              withAsterisk
              styles={readableInputStyles}
            />
          ) : (
            <FileInput
              label={t('new.file')}
              description={t('new.fileHint')}
              placeholder={t('new.filePlaceholder')}
              accept={accepted}
              value={file}
              onChange={setFile}
              error={errors.file}
              clearable
              clearButtonProps={{ 'aria-label': t('new.clearFile') }}
              withAsterisk
              styles={{ ...readableInputStyles, placeholder: { color: 'var(--mantine-color-gray-7)' } }}
            />
          )}
          <Group grow align="flex-start">
            <TextInput
              ref={dateInput}
              label={t('new.documentDate')}
              description={t('new.documentDateHint')}
              placeholder={t('datePlaceholder', { ns: 'forms' })}
              value={documentDate}
              onChange={(event) => setDocumentDate(event.currentTarget.value)}
              error={errors.documentDate}
              data-needed={errors.documentDate ? 'true' : undefined}
              styles={readableInputStyles}
            />
            <Select
              label={t('new.relationship')}
              description={t('new.relationshipHint')}
              data={relationships.options}
              value={relationshipId}
              onChange={setRelationshipId}
              error={errors.relationshipId}
              searchable
              clearable
              styles={readableInputStyles}
            />
          </Group>
          <TextInput
            label={t('new.docTitle')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
            maxLength={500}
            styles={readableInputStyles}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('new.sourceUrl')}
              value={sourceUrl}
              onChange={(event) => setSourceUrl(event.currentTarget.value)}
              error={errors.sourceUrl}
              maxLength={2000}
              styles={readableInputStyles}
            />
            <TextInput
              label={t('new.publisher')}
              value={publisher}
              onChange={(event) => setPublisher(event.currentTarget.value)}
              error={errors.publisher}
              maxLength={300}
              styles={readableInputStyles}
            />
          </Group>
          {unplaced.length > 0 && (
            <Alert
              color="red"
              variant="outline"
              title={t('new.refused')}
              role="alert"
              styles={{ title: { color: 'var(--mantine-color-red-9)' } }}
            >
              <Stack gap={4}>
                {unplaced.map((message) => (
                  <Text size="sm" key={message}>
                    {message}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
          <Group>
            <Button type="submit" color="teal.9" loading={read.isPending}>
              {t('new.read')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
