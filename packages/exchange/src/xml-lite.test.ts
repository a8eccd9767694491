import { describe, expect, it } from 'vitest';
import { child, decode, parseTree } from './xml-lite';

const textOf = (inner: string): string | undefined => child(parseTree(`<m:R xmlns:m="urn:x"><m:V>${inner}</m:V></m:R>`), 'V')?.text;

describe('the small XML reader reads every form of text the XSD allows', () => {
  it.each([
    ['plain text', '8', '8'],
    ['a CDATA section', '<![CDATA[8]]>', '8'],
    ['a CDATA section around whitespace', '\n\t<![CDATA[ 8 ]]>\n', '8'],
    ['a CDATA section keeps markup and references literal', '<![CDATA[a<b>&amp;]]>', 'a<b>&amp;'],
    ['a CDATA section with a ] inside', '<![CDATA[x]y]]]>', 'x]y]'],
    ['text around a comment', '1<!-- een opmerking -->2', '12'],
    ['a comment holding markup', '<!-- <m:V>9</m:V> -->7', '7'],
    ['a processing instruction', '<?pi data?>5', '5'],
    ['the predefined entities', '&lt;&gt;&amp;&quot;&apos;', '<>&"\''],
    ['decimal and hexadecimal character references', '&#56;&#x38;', '88'],
    ['text, CDATA and references mixed', 'A&amp;<![CDATA[&amp;]]>B', 'A&&amp;B'],
  ])('%s', (_name, inner, expected) => {
    expect(textOf(inner)).toBe(expected);
  });

  it('a comment or CDATA section between elements adds no child and no text to the parent', () => {
    const root = parseTree('<R><!-- c --><A>1</A><![CDATA[]]><B>2</B></R>');
    expect(root.children.map((c) => [c.name, c.text])).toEqual([['A', '1'], ['B', '2']]);
    expect(root.text).toBe('');
  });

  it('a character reference that names no character is left as it is (never a RangeError)', () => {
    expect(decode('&#x110000;&#99999999999;')).toBe('&#x110000;&#99999999999;');
  });
});
