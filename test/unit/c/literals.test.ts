import * as assert from 'assert';
import { tokenize } from '../../../src/c/lexer';
import { charConstantValue, decodeLiteral, parseFloatLiteral, parseIntegerLiteral } from '../../../src/c/literals';
import { Tk } from '../../../src/c/tokens';
import { T, alignOf, layoutRecord, newRecord, sizeOf, typeToString, usualArithmeticType, arrayOf, pointerTo, functionType } from '../../../src/c/types';

suite('c/lexer and literals', () => {
  test('punctuators are matched longest first; digraphs read as their tokens', () => {
    const toks = tokenize('a>>=b->c...<:%>%:%:', 'x.c').tokens;
    assert.deepStrictEqual(toks.map(t => t.text), ['a', '>>=', 'b', '->', 'c', '...', '[', '}', '##']);
  });

  test('pp-numbers, prefixed literals and an unterminated literal', () => {
    const toks = tokenize('1e+5 0x1p-3f .5 L\'x\' u8"s" U"t" "open', 'x.c').tokens;
    assert.deepStrictEqual(toks.map(t => [t.kind, t.text]), [
      [Tk.Number, '1e+5'], [Tk.Number, '0x1p-3f'], [Tk.Number, '.5'], [Tk.Char, "L'x'"], [Tk.String, 'u8"s"'], [Tk.String, 'U"t"'], [Tk.Other, '"open'],
    ]);
    assert.strictEqual(toks[6].unterminated, true);
  });

  test('line and column count from 1 and survive tabs, comments and splices', () => {
    const toks = tokenize('int\ta; /* c\n */ b\\\nc\n  d', 'x.c').tokens;
    assert.deepStrictEqual(toks.map(t => `${t.text}@${t.line}:${t.col}${t.bol ? '^' : ''}`), ['int@1:1^', 'a@1:5', ';@1:6', 'bc@2:5', 'd@4:3^']);
  });

  test('integer constants: radix, suffixes and errors', () => {
    assert.deepStrictEqual(parseIntegerLiteral('0x7fffffff'), { value: 0x7fffffffn, kind: 'int' });
    assert.deepStrictEqual(parseIntegerLiteral('4294967295'), { value: 4294967295n, kind: 'long' });
    assert.deepStrictEqual(parseIntegerLiteral('0777U'), { value: 511n, kind: 'uint' });
    assert.deepStrictEqual(parseIntegerLiteral('0b101'), { value: 5n, kind: 'int' });
    assert.deepStrictEqual(parseIntegerLiteral('1LLU'), { value: 1n, kind: 'ullong' });
    assert.deepStrictEqual(parseIntegerLiteral('09'), { error: { id: 'InvalidIntegerConstant', args: ['9', 'octal'] } });
    assert.deepStrictEqual(parseIntegerLiteral('12abc'), { error: { id: 'InvalidSuffix', args: ['abc', 'integer'] } });
    assert.deepStrictEqual(parseIntegerLiteral('99999999999999999999'), { error: { id: 'IntegerTooLarge', args: [] } });
  });

  test('floating constants, float suffix rounding and hex floats', () => {
    assert.deepStrictEqual(parseFloatLiteral('0.1f'), { value: Math.fround(0.1), size: 4 });
    assert.deepStrictEqual(parseFloatLiteral('1e3L'), { value: 1000, size: 8 });
    assert.deepStrictEqual(parseFloatLiteral('0x1.8p1'), { value: 3, size: 8 });
  });

  test('escapes in character constants and strings', () => {
    assert.deepStrictEqual(decodeLiteral('"\\a\\b\\f\\n\\r\\t\\v\\\\\\?\\\'\\"\\0\\177\\x7e\\e"').units, [7, 8, 12, 10, 13, 9, 11, 92, 63, 39, 34, 0, 127, 126, 27]);
    assert.deepStrictEqual(decodeLiteral('"\\u00e9"').units, [0xc3, 0xa9]);
    assert.deepStrictEqual(decodeLiteral('L"\\u00e9"').units, [0xe9]);
    assert.strictEqual(charConstantValue(decodeLiteral("'\\377'")), -1n);
    assert.strictEqual(charConstantValue(decodeLiteral("'ab'")), 0x6162n);
    assert.deepStrictEqual(decodeLiteral('"\\q"').errors.map(e => e.error.id), ['InvalidEscape']);
  });
});

suite('c/types', () => {
  test('LP64 arm64 sizes: char signed, long 8, long double is double', () => {
    assert.deepStrictEqual([T.char.signed, sizeOf(T.long), sizeOf(T.double), sizeOf(pointerTo(T.char)), alignOf(T.llong)], [true, 8, 8, 8, 8]);
  });

  test('struct layout pads to alignment; unions take the largest member', () => {
    const s = newRecord('struct', 's');
    layoutRecord(s, [{ name: 'c', type: T.char }, { name: 'd', type: T.double }, { name: 'i', type: T.int }]);
    assert.deepStrictEqual([s.fields.map(f => f.offset), s.size, s.align], [[0, 8, 16], 24, 8]);
    const u = newRecord('union', 'u');
    layoutRecord(u, [{ name: 'c', type: arrayOf(T.char, 5) }, { name: 'i', type: T.int }]);
    assert.deepStrictEqual([u.size, u.align], [8, 4]);
  });

  test('bit-fields pack into units of their type and never straddle one', () => {
    const s = newRecord('struct', 'b');
    layoutRecord(s, [{ name: 'a', type: T.uint, bitWidth: 30 }, { name: 'b', type: T.uint, bitWidth: 4 }, { name: 'c', type: T.uchar, bitWidth: 3 }]);
    assert.deepStrictEqual(s.fields.map(f => [f.offset, f.bitOffset, f.bitWidth]), [[0, 0, 30], [4, 0, 4], [4, 4, 3]]);
    assert.strictEqual(s.size, 8);
  });

  test('usual arithmetic conversions', () => {
    const u = (a: Parameters<typeof usualArithmeticType>[0], b: Parameters<typeof usualArithmeticType>[1]): string => typeToString(usualArithmeticType(a, b));
    assert.deepStrictEqual([u(T.char, T.short), u(T.int, T.uint), u(T.long, T.uint), u(T.llong, T.ulong), u(T.float, T.long), u(T.float, T.double)],
      ['int', 'unsigned int', 'long', 'unsigned long long', 'float', 'double']);
  });

  test('types print as clang prints them', () => {
    assert.strictEqual(typeToString(pointerTo(functionType(T.void, [T.int], false))), 'void (*)(int)');
    assert.strictEqual(typeToString(pointerTo(arrayOf(T.int, 4))), 'int (*)[4]');
    assert.strictEqual(typeToString(arrayOf(pointerTo(T.char), 3)), 'char *[3]');
    assert.strictEqual(typeToString(functionType(T.int, [pointerTo(T.char)], true)), 'int (char *, ...)');
  });
});
