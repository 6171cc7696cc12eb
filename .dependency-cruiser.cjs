/**
 * Who may import whom (DESIGN.md "Layout"). A wrong arrow fails `pnpm lint`, so it fails
 * the tests. Packages are matched by folder; tests may reach across.
 */
const pkg = (p) => `^(${p})/`;
const STATIC =
  '^packages/domain/src/(static|lists|mentorship/(approaches|matrix|rights|schedule|stages|ending)|access|coaching/sisi-kwa-sisi(-rules)?|coaching/group-(content|rules)|coaching/program-(static|content|consent|assessment|survey|rotation|rules)|monitoring/(summary-report-form|follow-up|practical-tips|quarterly-report-form|reflection-form|reflection-scoring|evaluation-form))\\.ts$';
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'packages/domain imports nothing of ours and no I/O',
      severity: 'error',
      from: { path: pkg('packages/domain') },
      to: {
        path: '^(apps|packages/(data|workflows)|functions|infra|web)/|(^|/)node_modules/@aws-sdk/',
      },
    },
    {
      name: 'domain-has-no-io',
      severity: 'error',
      from: { path: pkg('packages/domain') },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-unresolvable',
      comment: 'an import of a package the importer does not declare',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'data-and-workflows-see-domain-only',
      severity: 'error',
      from: { path: pkg('packages/(data|workflows)') },
      to: { path: '^(apps/local|functions|infra|web)/' },
    },
    {
      name: 'functions-never-local',
      severity: 'error',
      from: { path: pkg('functions'), pathNot: '\\.test\\.ts$' },
      to: { path: '^(apps/local|infra|web)/' },
    },
    {
      name: 'infra-sees-data-and-workflows-only',
      severity: 'error',
      from: { path: pkg('infra') },
      to: { path: '^(apps/local|functions|web)/' },
    },
    {
      name: 'web-sees-domain-and-api-types-only',
      comment: 'the SPA may import @sisi/domain, and the API only for its types',
      severity: 'error',
      from: { path: pkg('web/src') },
      to: { path: '^(apps|packages/(data|workflows)|infra)/' },
    },
    {
      name: 'web-imports-api-types-only',
      severity: 'error',
      from: { path: pkg('web/src') },
      to: { path: '^functions/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-internals',
      comment: 'a package is reached through its index.ts only',
      severity: 'error',
      from: { path: '^(packages|functions)/([^/]+)/' },
      to: {
        path: '^(packages|functions)/([^/]+)/src/(?!index\\.ts$)',
        pathNot: '^$1/$2/',
      },
    },
    {
      name: 'web-no-internals',
      comment: 'the SPA reaches the domain through its entries only (index.ts, static.ts)',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^packages/[^/]+/src/(?!(index|static)\\.ts$)' },
    },
    {
      name: 'domain-static-is-zod-free',
      comment:
        '@sisi/domain/static is what the SPA bundles: it and the modules it re-exports import no schema library, and only each other',
      severity: 'error',
      from: { path: STATIC },
      to: { pathNot: `${STATIC}|^packages/domain/src/mentorship/(ending)\\.ts$` },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|cdk\\.out|\\.sisi)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
  },
};
