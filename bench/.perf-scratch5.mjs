const td = new TextDecoder();
const bytes = new TextEncoder().encode('<row r="1"><c r="A1" t="s"><v>12</v></c></row>'.repeat(30000));
const s = td.decode(bytes, { stream: true });
%DebugPrint(s.slice(0,0) || s);
let t = performance.now(); const j = [s.slice(-10), s].join(''); console.log('join', performance.now() - t);
const s2 = td.decode(bytes.subarray(0, 100));
