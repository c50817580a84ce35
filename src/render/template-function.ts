import type { TemplateHelpers } from './helpers.js';
import type { HelperFileView, RunFileView, SchemaFileView, TemplateView } from './view/generated/view-types.js';

/**
 * An ES-module template: `export default (view, helpers) => string`. Type one with JSDoc,
 * `/** @type {import('schema-gen').TemplateFunction<import('schema-gen').SchemaFileView>} *\/`.
 */
export type TemplateFunction<View extends TemplateView = SchemaFileView | RunFileView | HelperFileView> = (view: View, helpers: TemplateHelpers) => string;
