/** The part of `--help` about `schema-gen templates` (its own module: help must not load the template engines). */
export const TEMPLATES_HELP = `
Template sets (see README "Templates"):
  $ npx schema-gen templates eject [dir]
      copy the default template set to dir (default: templates/), to change it
  $ npx schema-gen templates check [dir]
      check a template set (manifest, templates, variables, paths) without generating`;
