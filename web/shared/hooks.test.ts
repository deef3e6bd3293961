// shared/hooks.ts against its two sides, read as code (no page is rendered; e2e/ runs them):
// every hook is used by a web/browser/ script and, unless a script sets it, rendered by a
// component through the module on the attribute its kind says; and neither a component nor a
// script spells a hook's name out, which is what let a renamed class break only in the browser.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse } from 'vue/compiler-sfc';
import * as hookModule from './hooks';
import type { Hook } from './hooks';

const WEB_DIR = join(import.meta.dirname, '..');

/** Every hook as `group.key` (`searchPageHooks.query`). */
const HOOKS = new Map<string, Hook>(
  Object.entries(hookModule).flatMap(([group, value]) =>
    typeof value === 'object' && Object.values(value).every((hook) => typeof hook === 'object' && 'kind' in hook)
      ? Object.entries(value as Record<string, Hook>).map(([key, hook]) => [`${group}.${key}`, hook] as const)
      : [],
  ),
);

/** A class written out in a component that is a hook's name by chance, not the hook: file under app/ → name. */
const NOT_HOOKS: Record<string, string> = {
  // The Merkliste page's count of saved case studies: styled, not read by a script.
  'pages/merkliste/index.vue': 'count',
};

function sourceFiles(dir: string, extension: string): { path: string; text: string }[] {
  return readdirSync(join(WEB_DIR, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(extension) && !file.endsWith('.test.ts'))
    .map((file) => ({ path: relative(WEB_DIR, join(WEB_DIR, dir, file)), text: readFileSync(join(WEB_DIR, dir, file), 'utf8') }));
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

const parseTs = (code: string) => ts.createSourceFile('code.ts', code, ts.ScriptTarget.Latest, true);

/** The local names under which `source` imports the module's groups: `hooks` → `searchPageHooks`. */
function hookImports(source: ts.SourceFile): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !/shared\/hooks(\.ts)?$/.test((statement.moduleSpecifier as ts.StringLiteral).text)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) aliases.set(element.name.text, (element.propertyName ?? element.name).text);
    }
  }
  return aliases;
}

/** `alias.key` of `node` as the hook's `group.key`, when it is one. */
function hookOf(node: ts.Node, aliases: Map<string, string>): string | undefined {
  if (!ts.isPropertyAccessExpression(node) || !ts.isIdentifier(node.expression)) return undefined;
  const group = aliases.get(node.expression.text);
  return group && HOOKS.has(`${group}.${node.name.text}`) ? `${group}.${node.name.text}` : undefined;
}

/** The hooks a browser script uses, and where it spells one out instead. */
function scanScript(path: string, text: string): { used: Set<string>; spelt: string[] } {
  const source = parseTs(text);
  const aliases = hookImports(source);
  const used = new Set<string>();
  const spelt: string[] = [];
  walk(source, (node) => {
    const hook = hookOf(node, aliases);
    if (hook) used.add(hook);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)) {
      for (const [name, { kind, name: value }] of HOOKS) {
        const written =
          kind === 'id' ? new RegExp(`#${value}(?![\\w-])`) : kind === 'data' ? new RegExp(`${value}(?![\\w-])`) : new RegExp(`\\.${value}(?![\\w-])`);
        if (node.text === value || written.test(node.text)) spelt.push(`${path}: '${node.text}' is ${name}`);
      }
    }
    // `dataset.bookmark` names the attribute too: `dataset[hooks.button.key]`.
    if (ts.isPropertyAccessExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'dataset') {
      for (const [name, hook] of HOOKS) {
        if (hook.kind === 'data' && hook.key === node.name.text) spelt.push(`${path}: dataset.${hook.key} is ${name}`);
      }
    }
  });
  return { used, spelt };
}

// The template AST's node types (@vue/compiler-core's NodeTypes).
const ELEMENT = 1;
const ATTRIBUTE = 6;
const DIRECTIVE = 7;

interface TemplateNode {
  type: number;
  tag?: string;
  props?: { type: number; name: string; value?: { content: string }; arg?: { content: string; isStatic: boolean }; exp?: { content: string } }[];
  children?: TemplateNode[];
}

/** The attributes that hold an id: a hook's id written out in one of them is a reference the module does not see. */
const ID_REFERENCES = new Set([
  'id',
  'for',
  'aria-controls',
  'aria-labelledby',
  'aria-describedby',
  'aria-owns',
  'aria-activedescendant',
  'aria-details',
  'form',
  'list',
]);

/** The hooks a component renders through the module (as `group.key` → the attributes: id, class or data), and where it spells one out. */
function scanComponent(path: string, text: string): { rendered: Map<string, Set<string>>; spelt: string[] } {
  const { descriptor } = parse(text, { filename: path });
  const aliases = hookImports(parseTs(descriptor.scriptSetup?.content ?? descriptor.script?.content ?? ''));
  const rendered = new Map<string, Set<string>>();
  const spelt: string[] = [];
  const render = (hook: string, attribute: string) => rendered.set(hook, (rendered.get(hook) ?? new Set()).add(attribute));
  const allowed = NOT_HOOKS[relative('app', path)];
  /** `hooks.query.name` as `searchPageHooks.query`. */
  const nameOf = (expression: ts.Node) =>
    ts.isPropertyAccessExpression(expression) && expression.name.text === 'name' ? hookOf(expression.expression, aliases) : undefined;

  function visit(node: TemplateNode): void {
    for (const prop of node.type === ELEMENT ? (node.props ?? []) : []) {
      if (prop.type === ATTRIBUTE) {
        const values = prop.value?.content.split(/\s+/) ?? [];
        for (const [name, hook] of HOOKS) {
          const written =
            (hook.kind === 'id' && ID_REFERENCES.has(prop.name) && values.includes(hook.name)) ||
            (hook.kind === 'id' && prop.name === 'href' && values.includes(hook.selector)) ||
            ((hook.kind === 'class' || hook.kind === 'state') && prop.name === 'class' && values.includes(hook.name) && allowed !== hook.name) ||
            (hook.kind === 'data' && prop.name === hook.name);
          if (written) spelt.push(`${path}: <${node.tag} ${prop.name}="${prop.value?.content ?? ''}"> is ${name}`);
        }
        continue;
      }
      if (prop.type !== DIRECTIVE || prop.name !== 'bind') continue;
      const attribute = prop.arg?.isStatic ? prop.arg.content : undefined;
      for (const [name, hook] of HOOKS) {
        if (hook.kind === 'data' && attribute === hook.name) spelt.push(`${path}: <${node.tag} :${attribute}> is ${name}`);
      }
      // `:[hooks.bookmark.name]="id"`: the argument is the attribute's name.
      if (prop.arg && !prop.arg.isStatic) {
        walk(parseTs(prop.arg.content), (expression) => {
          const hook = nameOf(expression);
          if (hook) render(hook, 'data');
        });
      }
      walk(parseTs(`(${prop.exp?.content ?? ''})`), (expression) => {
        // `:class="['result-count']"`, `v-bind="{ 'data-bookmark': id }"`.
        if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
          for (const [name, hook] of HOOKS) {
            if (hook.kind !== 'state' && expression.text === hook.name && allowed !== hook.name)
              spelt.push(`${path}: '${expression.text}' in <${node.tag}> is ${name}`);
          }
        }
        const hook = nameOf(expression);
        // `:id="hooks.query.name"`, `:class="hooks.hits.name"`, `v-bind="{ [hooks.bookmark.name]: id }"`.
        if (hook && (attribute === 'id' || attribute === 'class')) render(hook, attribute);
        else if (hook && attribute === undefined && ts.isComputedPropertyName(expression.parent)) render(hook, 'data');
      });
    }
    for (const child of node.children ?? []) visit(child);
  }
  if (descriptor.template?.ast) visit(descriptor.template.ast as unknown as TemplateNode);
  return { rendered, spelt };
}

/** The attribute a hook of each kind must be rendered on. */
const RENDERED_ON: Record<Hook['kind'], string | undefined> = { id: 'id', class: 'class', data: 'data', state: undefined };

const scripts = sourceFiles('browser', '.ts').map(({ path, text }) => scanScript(path, text));
const components = sourceFiles('app', '.vue').map(({ path, text }) => scanComponent(path, text));

describe('shared/hooks.ts', () => {
  it('has hooks', () => {
    expect(HOOKS.size).toBeGreaterThan(20);
  });

  it('names only what a web/browser/ script uses', () => {
    const used = new Set(scripts.flatMap((script) => [...script.used]));
    expect([...HOOKS.keys()].filter((hook) => !used.has(hook))).toEqual([]);
  });

  it('is rendered by a component for each hook the server renders, on the attribute its kind says', () => {
    const missing = [...HOOKS]
      .filter(([name, hook]) => {
        const attribute = RENDERED_ON[hook.kind];
        return attribute !== undefined && !components.some((component) => component.rendered.get(name)?.has(attribute));
      })
      .map(([name, hook]) => `${name} (${hook.kind} ${hook.name})`);
    expect(missing).toEqual([]);
  });

  it('is what the scripts and the components use: neither spells a hook out', () => {
    expect([...scripts, ...components].flatMap((file) => file.spelt)).toEqual([]);
  });

  // The checks above pass vacuously if the scanners see nothing: each must see a hook written out.
  it('finds a hook written out in a script or a template', () => {
    expect(scanScript('a.ts', "document.querySelector('form.search-form');\nel.dataset.bookmarkList;").spelt).toHaveLength(2);
    expect(scanScript('b.ts', 'if (target.id === `town-search`) el.classList.add("open");').spelt).toHaveLength(2);
    const template = `<template><div class="layout search-page"><label for="search-q" /><a data-bookmarks-link :data-title="t" href="#language-link" />
      <p :class="['result-count']" v-bind="{ 'data-bookmark': id }" /></div></template>`;
    expect(scanComponent('app/components/Sample.vue', template).spelt).toHaveLength(7);
  });

  it('tells a hook rendered through the module from one only referred to', () => {
    const template = `<script setup lang="ts">import { searchPageHooks as hooks, bookmarkHooks } from '~~/shared/hooks';</script>
      <template>
        <label :for="hooks.query.name" /><div :class="['x', hooks.hits.name]" v-bind="{ [bookmarkHooks.list.name]: ids }" />
        <a :[bookmarkHooks.remove.name]="id" :title="hooks.filters.name" />
      </template>`;
    const { rendered, spelt } = scanComponent('app/components/Sample.vue', template);
    expect(Object.fromEntries([...rendered].map(([hook, attributes]) => [hook, [...attributes]]))).toEqual({
      'searchPageHooks.hits': ['class'],
      'bookmarkHooks.list': ['data'],
      'bookmarkHooks.remove': ['data'],
    });
    expect(spelt).toEqual([]);
  });
});
