import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

// The README is how a newcomer and an operator get by without the source: it
// must name every command and folder, and define what it uses before using it.
const ROOT = path.resolve(__dirname, '../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const DESIGN = fs.readFileSync(path.join(ROOT, 'docs/design.md'), 'utf8');
const { scripts } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

function section(text: string, title: string): string {
  const start = text.indexOf(`\n## ${title}\n`);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

/** Build output, named as a whole: what tools write inside it is theirs. */
const BUILT = ['dist', '.build'];

/** The repository's folders: those git tracks (what a clone has), and the build output, which is named as a whole. */
function folders(): string[] {
  const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  const dirs = files.flatMap((f) =>
    f
      .split('/')
      .slice(0, -1)
      .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
  );
  return [...new Set([...dirs, ...BUILT.filter((d) => fs.existsSync(path.join(ROOT, d)))])];
}

describe('README and docs/', () => {
  it("npm run deploy builds once: s.yaml's pre-deploy action builds, the script itself does not", () => {
    const s = yaml.load(fs.readFileSync(path.join(ROOT, 's.yaml'), 'utf8')) as any;
    const preDeploy = Object.values<any>(s.resources).flatMap((r) => r.actions?.['pre-deploy'] ?? []);
    expect(preDeploy.map((a: { run: string }) => a.run)).toEqual(['npm run build']);
    expect(scripts.deploy).toBe('tsx scripts/deploy/deploy.ts');
  });

  it('has a heading for every README section s.yaml points to', () => {
    const named = [...fs.readFileSync(path.join(ROOT, 's.yaml'), 'utf8').matchAll(/README "([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((title) => !README.includes(`\n## ${title}\n`))).toEqual([]);
  });

  it('documents every npm script, each running a file that exists', () => {
    const files = Object.values(scripts).flatMap((command) =>
      [...command.matchAll(/tsx (scripts\/\S+\.ts)/g)].map((m) => m[1]),
    );
    expect(files.filter((file) => !fs.existsSync(path.join(ROOT, file)))).toEqual([]);
    const undocumented = Object.keys(scripts).filter((name) => !new RegExp(`npm (run )?(-s )?${name}\\b`).test(README));
    expect(undocumented).toEqual([]);
  });

  it('defines URL and ALIBABA_CLOUD_ACCOUNT_ID before the first example that uses them', () => {
    for (const name of ['URL', 'ALIBABA_CLOUD_ACCOUNT_ID']) {
      const defined = README.search(new RegExp(`export ${name}=`));
      expect(defined).toBeGreaterThan(-1);
      expect(README.search(new RegExp(`\\$${name}\\b`))).toBeGreaterThan(defined);
    }
  });

  it('is at most about 300 lines: maintainer material lives in docs/', () => {
    expect(README.split('\n').length).toBeLessThanOrEqual(300);
  });

  it('links every page of docs/', () => {
    const pages = fs.readdirSync(path.join(ROOT, 'docs'));
    expect(pages.filter((page) => !README.includes(`docs/${page}`))).toEqual([]);
  });

  it('names every folder in the Folders table of docs/design.md (a deep folder may be named by its parent)', () => {
    const named = [...section(DESIGN, 'Folders').matchAll(/`([\w.][\w./-]*)\/`/g)].map((m) => m[1]);
    const covered = (folder: string) =>
      named.some(
        (n) => n === folder || n.startsWith(`${folder}/`) || (folder.startsWith(`${n}/`) && n.split('/').length >= 2),
      );
    expect(folders().filter((f) => !covered(f))).toEqual([]);
  });
});
