import type { DocInfo } from '../../model/index.js';
import { docCommentLines, htmlToMarkdown, renderDocComment, shownDescription } from '../../emit/types/doc-comment.js';
import type { ConstraintsView, DocView } from './generated/view-types.js';
import { lazy, lazyView } from './lazy.js';

const views = new WeakMap<DocInfo, DocView>();

/** The doc of a schema or property as a ready comment and as data; one view per doc, whatever file reads it. */
export function docView(doc: DocInfo): DocView {
  let view = views.get(doc);
  if (view) return view;
  const markdown = lazy(() => (doc.description === undefined ? null : htmlToMarkdown(shownDescription(doc.description))));
  view = lazyView<DocView>({
    comment: lazy(() => renderDocComment(doc, '')),
    lines: lazy(() => docCommentLines(doc)),
    description: markdown,
    summary: lazy(() => {
      const text = markdown.compute();
      return text === null
        ? null
        : text
            .split(/\n\s*\n/)[0]!
            .replace(/\s+/g, ' ')
            .trim();
    }),
    tags: lazy(() => doc.tags.map((tag) => lazyView({ name: tag.name, value: tag.value }))),
    constraints: (doc.constraints ?? {}) as ConstraintsView,
    members: lazy(() => (doc.members ?? []).map((m) => lazyView({ value: m.value, name: m.name ?? null, description: m.description ?? null }))),
    deprecated: doc.tags.some((tag) => tag.name === 'deprecated'),
  });
  views.set(doc, view);
  return view;
}
