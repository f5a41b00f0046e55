/** Text shown inside Markdown is shown as written (domain/safety/markdown.ts). */
import * as assert from 'node:assert/strict';
import { codeSpan, escapeMarkdown } from '../../../../src/domain/safety/markdown';

describe('Markdown escaping', () => {
  it('escapes what would make a link, an image, emphasis, HTML, a heading or a theme icon', () => {
    assert.equal(
      escapeMarkdown('[a](command:x) ![i](u) **b** <img> # h $(zap) ~~s~~'),
      '\\[a\\]\\(command:x\\) \\!\\[i\\]\\(u\\) \\*\\*b\\*\\* \\<img\\> \\# h \\$\\(zap\\) \\~\\~s\\~\\~',
    );
  });

  it('a code span holds any backticks: its fence is one longer than the longest run', () => {
    assert.equal(codeSpan('web/og.png'), '`web/og.png`');
    assert.equal(codeSpan('a`b``c'), '```a`b``c```');
    assert.equal(codeSpan('`edge`'), '`` `edge` ``', 'padded when it starts or ends with a backtick');
    assert.equal(codeSpan('two\nlines'), '`two lines`');
  });
});
