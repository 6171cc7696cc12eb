/**
 * Who may import whom (DESIGN.md "Layout"). A wrong arrow fails `pnpm lint`, so it fails
 * the tests. Packages are matched by folder, and tests obey the same rules, save one: a
 * test may drive a handler package (`functions/*`) directly.
 *
 * The two runtimes, `apps/local` and `apps/aws`, are the only composition roots: only they
 * run `functions/*`, which are pure handler libraries (no AWS SDK, no other function).
 */
const pkg = (p) => `^(${p})/`;
/** Cross-package tests (`test/`, harness included) and every `*.test.ts`. */
const TESTS = '^test/|\\.test\\.ts$';
const STATIC =
  '^packages/domain/src/(static|lists|languages|i18n/content|mentorship/(approaches|matrix|rights|schedule|stages|ending)|access|errors/(codes|text)|coaching/sisi-kwa-sisi(-rules)?|coaching/group-(content|rules)|coaching/program-(static|content|consent|assessment|survey|rotation|rules)|monitoring/(summary-report-form|follow-up|practical-tips|quarterly-report-form|reflection-form|reflection-scoring|evaluation-form))\\.ts$';
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
      to: { path: '^(apps|functions|infra|web)/' },
    },
    {
      name: 'data-and-workflows-apart',
      comment: 'packages/data and packages/workflows do not import each other',
      severity: 'error',
      from: { path: '^packages/(data|workflows)/' },
      to: { path: '^packages/(data|workflows)/', pathNot: '^packages/$1/' },
    },
    {
      name: 'functions-see-no-app',
      severity: 'error',
      from: { path: pkg('functions') },
      to: { path: '^(apps|infra|web)/' },
    },
    {
      name: 'functions-without-aws-sdk',
      comment: 'functions/* are pure handler libraries: AWS adapters live in apps/aws',
      severity: 'error',
      from: { path: pkg('functions') },
      to: { path: '(^|/)node_modules/@aws-sdk/' },
    },
    {
      name: 'functions-apart',
      comment: 'no functions/* package imports another',
      severity: 'error',
      from: { path: '^functions/([^/]+)/' },
      to: { path: '^functions/', pathNot: '^functions/$1/' },
    },
    {
      name: 'only-apps-run-functions',
      comment:
        'functions/* run only in the composition roots (apps/*); types may be imported anywhere, and tests may drive a handler package directly',
      severity: 'error',
      from: { pathNot: `^(apps|functions)/|${TESTS}` },
      to: { path: '^functions/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'apps-apart',
      comment: 'the two runtimes share code only through packages/*',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'apps-see-no-web-or-infra',
      comment: 'apps/aws may import everything but apps/local, web and infra (and the reverse)',
      severity: 'error',
      from: { path: pkg('apps') },
      to: { path: '^(web|infra)/' },
    },
    {
      name: 'infra-sees-data-and-workflows-only',
      severity: 'error',
      from: { path: pkg('infra') },
      to: { path: '^(apps|functions|web)/' },
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
      from: { path: '^(apps|packages|functions)/([^/]+)/' },
      to: {
        path: '^(apps|packages|functions)/([^/]+)/src/(?!index\\.ts$)',
        pathNot: '^$1/$2/',
      },
    },
    {
      name: 'web-no-internals',
      comment:
        'the SPA reaches the domain through its entries only (index.ts, static.ts, and the small ones its first page needs: languages, i18n/content, errors/codes, errors/text)',
      severity: 'error',
      from: { path: '^web/src/' },
      to: {
        path: '^packages/[^/]+/src/(?!(index|static|languages|i18n/content|errors/(codes|text))\\.ts$)',
      },
    },
    {
      name: 'domain-static-is-zod-free',
      comment:
        '@sisi/domain/static is what the SPA bundles: it and the modules it re-exports import no schema library, and only each other (and the catalogs, plain JSON)',
      severity: 'error',
      from: { path: STATIC },
      to: {
        pathNot: `${STATIC}|^packages/domain/src/(mentorship/ending|tasks)\\.ts$|^packages/domain/locales/[a-z]{2}/[a-z-]+\\.json$`,
      },
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
