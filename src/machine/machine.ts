// The stepping interpreter and the Process the adapter and CLI drive. Explicit frames (no JS
// recursion per C call), one hot loop over flat instruction arrays, stops at statement starts.

import type { CType, FuncSymbol, Program, SourceLocation, VarSymbol } from '../c/ast';
import { MallocError, type CallContext, type MallocApi } from '../malloc/api';
import type { TraceApi, StackFrameRecord } from '../trace/api';
import { MemoryFault, type AddressSpaceApi } from '../vm/api';
import type {
  FrameInfo, LaunchOptions, OutputStream, Process, ProgramError, RunMode, StopInfo, ValueNode,
} from './api';
import { CallRequest, Frame, FunctionCode, Instr, NativeRun, Op } from './code';
import { storer, Store } from './convert';
import { ProgramExit, ProgramFault, SIGABRT, SIGBUS, SIGSEGV } from './faults';
import { FILE_SIZE, ImagePlan, planImage, stringKey } from './image';
import { LIBC } from './libc';
import { encodeUtf8, LibcHost, LibEntry } from './libc/host';
import { Stdio } from './libc/stdioStreams';
import { ExprLowerer } from './lowerExpr';
import { lowerFunction, StackExhausted } from './lowerFunction';
import { MAIN_THREAD_ID, MSG } from './messages';
import { ValueViews } from './values';

export interface ProcessImageLayout { textStart: number; cstringStart: number; dataStart: number; stackTop: number; stackLimit: number }

/** Everything createProcess wires; tests may pass their own pieces. */
export interface MachineSetup {
  readonly program: Program;
  readonly options: LaunchOptions;
  readonly vm: AddressSpaceApi;
  readonly trace: TraceApi & { internStack(frames: readonly StackFrameRecord[]): number };
  readonly profileName: string;
  readonly programName: string;
  readonly pid: number;
  makeMalloc(context: CallContext, warn: (line: string) => void): MallocApi;
  mapImage(vm: AddressSpaceApi, layout: { textBytes: number; cstringBytes: number; dataBytes: number }): ProcessImageLayout;
  baseline?(vm: AddressSpaceApi, malloc: MallocApi): void;
}

type Target = { readonly code: FunctionCode; readonly stores: readonly (Store | undefined)[] } | { readonly lib: LibEntry; readonly name: string; readonly code?: undefined };

interface StepRequest { readonly mode: RunMode; readonly serial: number; readonly depth: number; readonly line: number; readonly file: string }

const STACK_ALIGN = 16;

export class Machine implements Process, CallContext, LibcHost {
  readonly memory: AddressSpaceApi;
  readonly mem: AddressSpaceApi;
  readonly malloc: MallocApi;
  readonly trace: TraceApi;
  readonly programName: string;
  readonly pid: number;
  readonly profileName: string;
  readonly env: Record<string, string>;
  readonly stdio: Stdio;
  readonly atexit: number[] = [];
  readonly errnoAddress: number;
  clockNs = 0;
  rngState = 1;
  steps = 0;
  finished = false;

  readonly frames: Frame[] = [];
  readonly targets = new Map<number, Target>();
  readonly functions: FunctionCode[] = [];
  readonly image: ProcessImageLayout;
  readonly plan: ImagePlan;
  private readonly listeners: ((s: OutputStream, t: string) => void)[] = [];
  private readonly early: [OutputStream, string][] = [];
  private readonly breakpoints = new Map<string, Set<number>>();
  private serial = 0;
  private maxSteps = Infinity;
  private pauseRequested = false;
  private request: StepRequest | undefined;
  private neverRan = true;
  private pendingSignal = 0;
  private pendingError: ProgramError | undefined;
  private lastError: ProgramError | undefined;
  private exitStatus = 0;
  private exitSignal = 0;
  private libName: string | undefined;
  private readonly internStack: (frames: readonly StackFrameRecord[]) => number;
  private readonly scratchUse = new Map<string, number>();
  /** Interned stacks by call site (instruction, or native routine name), library routine ('' for none), then caller stack id. */
  private readonly siteStacks = new Map<object | string, Map<string, Map<number, number>>>();
  private scratchNext = 0;
  private readonly views: ValueViews;
  private readonly dummy: Frame;
  readonly globalsList: { symbol: VarSymbol; address: number }[] = [];

  constructor(setup: MachineSetup) {
    const { program, options, vm } = setup;
    this.memory = vm; this.mem = vm;
    this.trace = setup.trace;
    this.internStack = (f) => setup.trace.internStack(f);
    this.programName = setup.programName; this.pid = setup.pid; this.profileName = setup.profileName;
    this.env = { ...options.env };
    this.plan = planImage(program);
    const plan = this.plan;
    this.image = setup.mapImage(vm, { textBytes: plan.textBytes, cstringBytes: plan.cstringBytes, dataBytes: plan.dataBytes });
    const img = this.image;
    const lib = plan.libcData;
    this.errnoAddress = img.dataStart + lib.errno;
    this.malloc = setup.makeMalloc(this, (line) => this.output('stderr', line.endsWith('\n') ? line : line + '\n'));
    const files: [number, number, number] = [img.dataStart + lib.files, img.dataStart + lib.files + FILE_SIZE, img.dataStart + lib.files + 2 * FILE_SIZE];
    this.stdio = new Stdio(vm, () => this.malloc, files, options.stdoutIsTerminal ?? true,
      encodeUtf8(options.stdin ?? ''), (s, t) => this.output(s, t));
    this.dummy = this.makeFrame(undefined, [], 0, img.stackTop, img.stackTop, -1, 0, undefined, '');

    // The loader's work: string literals, FILE pointers, then lowering against fixed addresses.
    const load = (a: number, b: Uint8Array): void => { if (vm.loadBytes) vm.loadBytes(a, b); else vm.writeBytes(a, b); };
    for (const s of plan.strings.values()) if (s.bytes.length > 0) load(img.cstringStart + s.offset, s.bytes);
    vm.writeU64(img.dataStart + lib.stdinp, files[0]);
    vm.writeU64(img.dataStart + lib.stdoutp, files[1]);
    vm.writeU64(img.dataStart + lib.stderrp, files[2]);

    const link = {
      mem: vm,
      stackLimit: img.stackLimit,
      globalAddress: (s: VarSymbol) => {
        const off = plan.data.get(s.id);
        if (off === undefined) throw new Error(`internal: no storage for ${s.name}`);
        return img.dataStart + off;
      },
      functionAddress: (s: FuncSymbol) => img.textStart + (plan.text.get(s.id) ?? 0),
      stringAddress: (b: Uint8Array) => img.cstringStart + plan.strings.get(stringKey(b))!.offset,
    };
    for (const f of plan.functions) {
      const address = link.functionAddress(f);
      if (this.targets.has(address)) continue;
      if (f.definition !== undefined) {
        const code = lowerFunction(f.definition, link, address);
        this.functions.push(code);
        this.targets.set(address, { code, stores: code.params.map((p) => (p.slot >= 0 ? undefined : storer(vm, p.symbol.type))) });
      } else {
        const entry = LIBC[f.name];
        this.targets.set(address, { lib: entry ?? { fn: () => { throw new ProgramFault({ kind: 'abort', message: MSG.unknownFunction(f.name), signal: SIGABRT }); } }, name: f.name });
      }
    }
    // Static-duration objects: only the listed items are written (the rest stays untouched zero pages).
    const ex = new ExprLowerer(link, { emit: () => 0, here: () => 0, patch: () => undefined, newSlot: () => 0, reserve: () => 0, home: () => undefined });
    for (const g of program.globals) {
      const address = link.globalAddress(g.symbol);
      if (g.symbol.storage !== 'static-local') this.globalsList.push({ symbol: g.symbol, address });
      if (g.init === undefined) continue;
      if (g.init.kind === 'list') {
        for (const item of g.init.items) {
          if (item.stringBytes !== undefined) { vm.writeBytes(address + item.offset, item.stringBytes.subarray(0, Math.min(item.stringBytes.length, Math.max(1, sizeOfSafe(item.type, item.stringBytes.length))))); continue; }
          const v = ex.value(item.expr)(this.dummy);
          if (v === 0 || v === 0n) continue;
          storer(vm, item.type)(address + item.offset, v);
        }
      } else ex.initializer(g.symbol.type, g.init)(this.dummy, address);
    }
    setup.baseline?.(vm, this.malloc);
    this.views = new ValueViews(this);
    this.enterMain(program, options);
  }

  // --- Process: output, breakpoints, location ----------------------------------------------

  onOutput(listener: (stream: OutputStream, text: string) => void): void {
    this.listeners.push(listener);
    // Output from before anyone listened (libmalloc's warnings while the process was created).
    const early = this.early.splice(0);
    for (const [s, t] of early) listener(s, t);
  }

  private output(stream: OutputStream, text: string): void {
    if (this.listeners.length === 0) { this.early.push([stream, text]); return; }
    for (const l of this.listeners) l(stream, text);
  }

  location(): SourceLocation | undefined {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const f = this.frames[i];
      if (f.code !== undefined) return f.instrs[Math.min(f.pc, f.instrs.length - 1)].loc;
    }
    return undefined;
  }

  executableLines(file: string): number[] {
    const lines = new Set<number>();
    for (const fn of this.functions) for (const i of fn.code) if (i.stmt && i.loc.file === file) lines.add(i.loc.line);
    return [...lines].sort((a, b) => a - b);
  }

  setBreakpoints(file: string, lines: readonly number[]): (number | undefined)[] {
    for (const fn of this.functions) for (const i of fn.code) if (i.loc.file === file) i.bp = false;
    const exec = this.executableLines(file);
    const used = lines.map((l) => exec.find((e) => e >= l));
    const set = new Set(used.filter((l): l is number => l !== undefined));
    this.breakpoints.set(file, set);
    for (const fn of this.functions) for (const i of fn.code) if (i.stmt && i.loc.file === file && set.has(i.loc.line)) i.bp = true;
    return used;
  }

  requestPause(): void { this.pauseRequested = true; }
  setMaxSteps(maxSteps: number | undefined): void { this.maxSteps = maxSteps ?? Infinity; }

  // --- CallContext ----------------------------------------------------------------------------

  step(): number { return this.steps; }

  stackId(): number {
    const n = this.frames.length;
    if (n === 0) return this.internStack(this.libName !== undefined ? [{ functionName: this.libName, file: '', line: 0 }] : []);
    return this.stackOf(n - 1, this.libName);
  }

  /**
   * The interned stack of frames[0..i], frame i at its current position (innermost: pc; a
   * caller: its call instruction) with `lib` running above it. A frame's callers are fixed for
   * its lifetime, so the last result is cached in the frame; across frames, per call site,
   * library routine and caller stack, so a malloc from a fresh invocation of the same function
   * interns nothing (and allocates nothing).
   */
  private stackOf(i: number, lib: string | undefined): number {
    const f = this.frames[i];
    const innermost = i === this.frames.length - 1;
    const pc = innermost ? f.pc : Math.max(0, f.pc - 1);
    if (f.stackPc === pc && f.stackLib === lib) return f.stackId;
    const parent = i > 0 ? this.stackOf(i - 1, undefined) : -1;
    const siteKey = f.code !== undefined ? f.instrs[Math.min(pc, f.instrs.length - 1)] : f.nativeName;
    let bySite = this.siteStacks.get(siteKey);
    if (bySite === undefined) { bySite = new Map(); this.siteStacks.set(siteKey, bySite); }
    const libKey = lib ?? '';
    let byParent = bySite.get(libKey);
    if (byParent === undefined) { byParent = new Map(); bySite.set(libKey, byParent); }
    let id = byParent.get(parent);
    if (id === undefined) {
      id = this.internStack(this.stackRecords(i, lib));
      byParent.set(parent, id);
    }
    f.stackPc = pc; f.stackLib = lib; f.stackId = id;
    return id;
  }

  private stackRecords(top: number, lib: string | undefined): StackFrameRecord[] {
    const records: StackFrameRecord[] = [];
    if (lib !== undefined) records.push({ functionName: lib, file: '', line: 0 });
    for (let i = top; i >= 0; i--) {
      const f = this.frames[i];
      if (f.code === undefined) { records.push({ functionName: f.nativeName, file: '', line: 0 }); continue; }
      const loc = this.frameLoc(f, i === this.frames.length - 1);
      records.push({ functionName: f.code.name, file: loc.file, line: loc.line });
    }
    return records;
  }

  // --- LibcHost ------------------------------------------------------------------------------

  scratch(name: string, size: number): number {
    const known = this.scratchUse.get(name);
    if (known !== undefined) return known;
    const lib = this.plan.libcData;
    const at = this.image.dataStart + lib.scratch + this.scratchNext;
    this.scratchNext += (size + 15) & ~15;
    if (this.scratchNext > lib.scratchSize) throw new Error('internal: libc scratch exhausted');
    this.scratchUse.set(name, at);
    return at;
  }

  currentFunction(): string {
    for (let i = this.frames.length - 1; i >= 0; i--) { const c = this.frames[i].code; if (c) return c.name; }
    return '';
  }

  *exitGen(status: number): Generator<CallRequest, never, unknown> {
    while (this.atexit.length > 0) yield { address: this.atexit.pop()!, args: [], argTypes: [] };
    this.stdio.flushAll();
    throw new ProgramExit(status);
  }

  // --- Frames --------------------------------------------------------------------------------

  private makeFrame(code: FunctionCode | undefined, slots: unknown[], fp: number, sp: number, savedSp: number, retSlot: number, retAddr: number, native: NativeRun | undefined, nativeName: string): Frame {
    return {
      code, instrs: code?.code ?? [], pc: 0, slots, fp, sp, savedSp, serial: ++this.serial, retSlot, retAddr,
      varargs: 0, native, nativeName, nativeLoc: undefined, stackPc: -1, stackLib: undefined, stackId: -1,
    };
  }

  private currentSp(): number {
    const top = this.frames[this.frames.length - 1];
    return top !== undefined ? top.sp : this.dummy.sp;
  }

  private pushC(target: Target & { code: FunctionCode }, args: readonly unknown[], argTypes: readonly CType[], retSlot: number, retAddr: number): void {
    const code = target.code;
    const savedSp = this.currentSp();
    let sp = savedSp;
    let varargs = 0;
    const nParams = code.params.length;
    if (code.variadic && args.length > nParams) {
      // Apple arm64: every variadic argument takes an 8-byte stack slot.
      const extra = args.length - nParams;
      sp = Math.floor((sp - extra * 8) / STACK_ALIGN) * STACK_ALIGN;
      varargs = sp;
      for (let i = nParams; i < args.length; i++) {
        const t = argTypes[i]; const v = args[i]; const at = sp + (i - nParams) * 8;
        if (t.kind === 'float') this.mem.writeF64(at, v as number);
        else this.mem.writeU64(at, v as number | bigint);
      }
    }
    sp = Math.floor((sp - code.frameSize) / STACK_ALIGN) * STACK_ALIGN;
    if (sp < this.image.stackLimit) throw new StackExhausted(sp);
    const slots = code.slotTemplate.slice();
    const f = this.makeFrame(code, slots, sp, sp, savedSp, retSlot, retAddr, undefined, '');
    f.varargs = varargs;
    const stores = target.stores;
    for (let i = 0; i < nParams; i++) {
      const p = code.params[i];
      if (p.slot >= 0) slots[p.slot] = args[i];
      else stores[i]!(sp + p.offset, args[i]);
    }
    this.frames.push(f);
  }

  private enterMain(program: Program, options: LaunchOptions): void {
    const main = program.functions.find((f) => f.symbol.name === 'main');
    if (main === undefined) throw new Error(MSG.noMain);
    const target = this.targets.get(this.image.textStart + this.plan.text.get(main.symbol.id)!);
    if (target === undefined || target.code === undefined) throw new Error(MSG.noMain);
    // argv strings and the argv array at the top of the stack, as the kernel lays them out.
    const argv = [this.programName, ...options.args];
    let sp = this.image.stackTop;
    const ptrs: number[] = [];
    for (const a of argv) { const b = encodeUtf8(a); sp -= b.length + 1; this.mem.writeBytes(sp, b); this.mem.writeU8(sp + b.length, 0); ptrs.push(sp); }
    sp = Math.floor(sp / 16) * 16 - (ptrs.length + 1) * 8;
    sp = Math.floor(sp / 16) * 16;
    const argvAddr = sp;
    ptrs.forEach((p, i) => this.mem.writeU64(argvAddr + i * 8, p));
    this.mem.writeU64(argvAddr + ptrs.length * 8, 0);
    this.dummy.sp = sp;
    const args = [argv.length, argvAddr, 0].slice(0, target.code.params.length);
    this.pushC(target, args, [], -1, 0);
  }

  private frameLoc(f: Frame, innermost: boolean): SourceLocation {
    const pc = innermost ? f.pc : Math.max(0, f.pc - 1);
    return f.instrs[Math.min(pc, f.instrs.length - 1)].loc;
  }

  // --- Running ---------------------------------------------------------------------------------

  run(mode: RunMode, budget: number): StopInfo {
    if (this.finished) return this.exitedInfo();
    if (this.pendingSignal !== 0) return this.die(this.pendingSignal);
    const top = this.frames[this.frames.length - 1];
    if (this.request === undefined || this.request.mode !== mode) {
      const loc = this.location();
      this.request = { mode, serial: top?.serial ?? 0, depth: this.frames.length, line: loc?.line ?? 0, file: loc?.file ?? '' };
    }
    const skipFirst = !this.neverRan;
    this.neverRan = false;
    try {
      return this.loop(budget, skipFirst);
    } catch (e) {
      return this.fault(e);
    }
  }

  private loop(budget: number, skipFirst: boolean): StopInfo {
    const req = this.request!;
    const frames = this.frames;
    // Anything that can stop at a statement start other than a breakpoint: checked on the slow path only.
    const watch = req.mode !== 'continue' || this.pauseRequested;
    const limit = Math.min(this.steps + budget, this.maxSteps);
    let skip = skipFirst;
    let f = frames[frames.length - 1];
    let instrs = f.instrs;
    let pc = f.pc;
    let steps = this.steps;
    // The breakpoint skipped on resuming is the one at the statement we stopped at, if any.
    if (!instrs[pc].stmt) skip = false;
    try {
      for (;;) {
        const ins = instrs[pc];
        if (ins.stmt) {
          if ((ins.bp && !skip) || watch || steps >= limit) {
            this.steps = steps; f.pc = pc;
            const stop = this.checkStop(f, ins, req, limit, skip);
            if (stop !== undefined) return stop;
          }
          skip = false;
          steps++;
        }
        switch (ins.op) {
          case Op.Eval: ins.fn!(f); pc++; break;
          case Op.Jump: pc = ins.target; break;
          case Op.BranchFalse: pc = ins.fn!(f) ? pc + 1 : ins.target; break;
          case Op.BranchTrue: pc = ins.fn!(f) ? ins.target : pc + 1; break;
          case Op.Switch: {
            const t = ins.cases!.get(ins.fn!(f));
            pc = t !== undefined ? t : ins.target;
            break;
          }
          case Op.Call: {
            this.steps = steps; f.pc = pc;
            this.call(f, ins);
            f = frames[frames.length - 1]; instrs = f.instrs; pc = f.pc;
            if (this.pendingError !== undefined) return this.stopException();
            break;
          }
          case Op.Return: {
            this.steps = steps; f.pc = pc;
            const depthBefore = frames.length;
            this.ret(f, ins.fn!(f));
            if (frames.length === 0) throw new Error('internal: no frame after return');
            f = frames[frames.length - 1]; instrs = f.instrs; pc = f.pc;
            if (watch && frames.length < depthBefore && frames.length < req.depth && f.code !== undefined) {
              return this.stop('step');
            }
            break;
          }
        }
      }
    } finally {
      this.steps = steps;
      f.pc = pc;
    }
  }

  private checkStop(f: Frame, ins: Instr, req: StepRequest, limit: number, resuming: boolean): StopInfo | undefined {
    // Resuming from a stop at a breakpoint must not hit that same breakpoint again.
    if (ins.bp && !resuming) return this.stop('breakpoint');
    if (this.pauseRequested) { this.pauseRequested = false; return this.stop('pause'); }
    const depth = this.frames.length;
    const moved = f.serial !== req.serial || ins.loc.line !== req.line || ins.loc.file !== req.file;
    if (req.mode === 'stepIn' && moved) return this.stop('step');
    if (req.mode === 'stepOver' && depth <= req.depth && moved) return this.stop('step');
    if (req.mode === 'stepOut' && depth < req.depth) return this.stop('step');
    if (this.steps >= this.maxSteps) return this.stop('step-limit');
    if (this.steps >= limit) return this.stop('budget');
    return undefined;
  }

  private stop(reason: StopInfo['reason']): StopInfo {
    // Any real stop answers a pending pause request too.
    if (reason !== 'budget') { this.request = undefined; this.pauseRequested = false; }
    return { reason, loc: this.location() };
  }

  private call(f: Frame, ins: Instr): void {
    const site = ins.call!;
    let target = site.resolved as Target | undefined;
    if (target === undefined) {
      const address = site.direct !== undefined ? site.direct : (ins.fn!(f) as number);
      target = this.targets.get(address);
      if (target === undefined) throw new ProgramFault({ kind: 'segfault', address, message: MSG.badAccess(1, address), signal: SIGSEGV });
      if (site.direct !== undefined) site.resolved = target;
    }
    const n = site.args.length;
    const args = new Array<unknown>(n);
    for (let i = 0; i < n; i++) args[i] = site.args[i](f);
    if (target.code !== undefined) {
      f.pc++;
      this.pushC(target, args, site.argTypes, site.dest, site.structTemp >= 0 ? f.fp + site.structTemp : 0);
      return;
    }
    const lib = target.lib;
    if (lib.gen !== undefined) {
      f.pc++;
      const native = this.makeFrame(undefined, [], f.sp, f.sp, f.sp, site.dest, 0, lib.gen(this, args, site.argTypes), target.name);
      this.frames.push(native);
      this.resumeNative(native, undefined);
      return;
    }
    let r = this.callLib(target.name, lib, args, site.argTypes);
    if (r instanceof Uint8Array && site.structTemp >= 0) {
      // A record returned by value (div_t…): into the caller's temporary, like a C callee's.
      const at = f.fp + site.structTemp;
      this.mem.writeBytes(at, r);
      r = at;
    }
    if (site.dest >= 0) f.slots[site.dest] = r;
    f.pc++;
  }

  private callLib(name: string, lib: LibEntry, args: unknown[], types: readonly CType[]): unknown {
    this.libName = name;
    try {
      return lib.fn!(this, args, types);
    } catch (e) {
      if (e instanceof MallocError) return this.mallocError(e);
      throw e;
    } finally {
      this.libName = undefined;
    }
  }

  /** libmalloc's report on stderr; aborting errors stop the program, others return NULL. */
  private mallocError(e: MallocError): number {
    const line = MSG.mallocLine(this.programName, this.pid, MAIN_THREAD_ID, e.text);
    const text = e.text.split('\n').map((l) => MSG.mallocLine(this.programName, this.pid, MAIN_THREAD_ID, l)).join('\n');
    this.stdio.emit(2, encodeUtf8(`${text}\n${MSG.mallocLine(this.programName, this.pid, MAIN_THREAD_ID, MSG.mallocBreak)}\n`));
    const error: ProgramError = { kind: e.kind, address: e.address, message: line, signal: e.aborts ? SIGABRT : undefined, loc: this.location() };
    if (e.aborts) throw new ProgramFault(error);
    this.pendingError = error;
    return 0;
  }

  private stopException(): StopInfo {
    const error = this.pendingError!;
    this.pendingError = undefined;
    this.request = undefined;
    this.pauseRequested = false;
    this.lastError = error;
    return { reason: 'exception', loc: this.location(), error, signal: error.signal };
  }

  private ret(f: Frame, value: unknown): void {
    const code = f.code!;
    const rt = code.def.symbol.type.returns;
    let v = value;
    if ((rt.kind === 'struct' || rt.kind === 'union') && f.retAddr !== 0) {
      this.mem.copy(f.retAddr, v as number, rt.size);
      v = f.retAddr;
    }
    this.frames.pop();
    if (this.frames.length === 0) {
      // main returned: exit(status) runs atexit handlers and flushes stdio.
      const native = this.makeFrame(undefined, [], f.savedSp, f.savedSp, f.savedSp, -1, 0, this.exitGen((v as number) | 0), 'exit');
      this.frames.push(native);
      this.resumeNative(native, undefined);
      return;
    }
    this.deliver(f.retSlot, v);
  }

  private deliver(retSlot: number, v: unknown): void {
    const caller = this.frames[this.frames.length - 1];
    if (caller.native !== undefined) this.resumeNative(caller, v);
    else if (retSlot >= 0) caller.slots[retSlot] = v;
  }

  private resumeNative(frame: Frame, value: unknown): void {
    let input = value;
    for (;;) {
      this.libName = frame.nativeName;
      let r: IteratorResult<CallRequest, unknown>;
      try {
        r = frame.native!.next(input);
      } catch (e) {
        if (e instanceof MallocError) { this.mallocError(e); r = { done: true, value: 0 }; } else throw e;
      } finally {
        this.libName = undefined;
      }
      if (r.done) {
        this.frames.pop();
        this.deliver(frame.retSlot, r.value);
        return;
      }
      const req = r.value;
      const target = this.targets.get(req.address);
      if (target === undefined) throw new ProgramFault({ kind: 'segfault', address: req.address, message: MSG.badAccess(1, req.address), signal: SIGSEGV });
      if (target.code !== undefined) { this.pushC(target, req.args, req.argTypes, -1, 0); return; }
      if (target.lib.fn === undefined) throw new ProgramFault({ kind: 'abort', message: MSG.unknownFunction(target.name), signal: SIGABRT });
      input = this.callLib(target.name, target.lib, [...req.args], req.argTypes);
    }
  }

  private fault(e: unknown): StopInfo {
    this.request = undefined;
    if (e instanceof ProgramExit) return this.exit(e.status, 0);
    let error: ProgramError;
    if (e instanceof ProgramFault) error = { ...e.error, loc: e.error.loc ?? this.location() };
    else if (e instanceof MemoryFault) {
      error = e.reason === 'protection'
        ? { kind: 'bus-error', address: e.address, message: MSG.badAccess(2, e.address), signal: SIGBUS, loc: this.location() }
        : { kind: 'segfault', address: e.address, message: MSG.badAccess(1, e.address), signal: SIGSEGV, loc: this.location() };
    } else if (e instanceof StackExhausted) {
      error = { kind: 'stack-overflow', address: e.address, message: MSG.stackOverflow(e.address), signal: SIGSEGV, loc: this.location() };
    } else if (e instanceof MallocError) {
      try { this.mallocError(e); } catch (inner) { if (inner instanceof ProgramFault) return this.fault(inner); }
      return this.stopException();
    } else {
      const detail = e instanceof Error ? e.message : String(e);
      error = { kind: 'abort', message: MSG.internal(detail), signal: SIGABRT, loc: this.location() };
    }
    this.pendingSignal = error.signal ?? SIGABRT;
    this.lastError = error;
    return { reason: 'exception', loc: error.loc, error, signal: error.signal };
  }

  private die(signal: number): StopInfo { return this.exit(128 + signal, signal); }

  private exit(status: number, signal: number): StopInfo {
    this.finished = true;
    this.frames.length = 0;
    this.exitStatus = signal === 0 ? status & 0xff : 128 + signal;
    this.exitSignal = signal;
    this.pendingSignal = 0;
    return this.exitedInfo();
  }

  private exitedInfo(): StopInfo {
    return { reason: 'exited', exitCode: this.exitStatus, signal: this.exitSignal !== 0 ? this.exitSignal : undefined };
  }

  /** The last fault or libmalloc error the program took, if any. */
  get error(): ProgramError | undefined { return this.lastError; }

  // --- Inspection ------------------------------------------------------------------------------

  stackFrames(): FrameInfo[] {
    const out: FrameInfo[] = [];
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const f = this.frames[i];
      if (f.code === undefined) continue;
      out.push({ index: out.length, functionName: f.code.name, loc: this.frameLoc(f, i === this.frames.length - 1) });
    }
    return out;
  }

  /** The C frame shown at `index` in stackFrames(). */
  cFrame(index: number): Frame | undefined {
    let k = 0;
    for (let i = this.frames.length - 1; i >= 0; i--) {
      if (this.frames[i].code === undefined) continue;
      if (k++ === index) return this.frames[i];
    }
    return undefined;
  }

  locals(frameIndex: number): ValueNode[] { return this.views.locals(frameIndex); }

  /** A struct or union type by tag, from the program's variables (for casts in watch expressions). */
  recordByTag(tag: string): CType | undefined {
    const seen = new Set<CType>();
    const find = (t: CType): CType | undefined => {
      if (seen.has(t)) return undefined;
      seen.add(t);
      if ((t.kind === 'struct' || t.kind === 'union') && t.tag === tag) return t;
      if (t.kind === 'pointer') return find(t.to);
      if (t.kind === 'array') return find(t.of);
      if (t.kind === 'struct' || t.kind === 'union') { for (const f of t.fields) { const r = find(f.type); if (r) return r; } }
      return undefined;
    };
    for (const g of this.globalsList) { const r = find(g.symbol.type); if (r) return r; }
    for (const fn of this.functions) for (const l of [...fn.params, ...fn.locals]) { const r = find(l.symbol.type); if (r) return r; }
    return undefined;
  }

  /** Pointer-sized values of locals kept in JS slots (the registers leaks scans as roots). */
  *rootWords(): Iterable<number> {
    for (const f of this.frames) {
      if (f.code === undefined) continue;
      for (const info of f.code.params) if (info.slot >= 0) { const v = f.slots[info.slot]; if (typeof v === 'number' && v > 0) yield v; }
      for (const info of f.code.locals) {
        if (info.slot < 0 || info.declPc < 0) continue;
        const v = f.slots[info.slot];
        if (typeof v === 'number' && v > 0) yield v;
      }
    }
  }
  globals(): ValueNode[] { return this.views.globals(); }
  evaluate(expression: string, frameIndex: number): ValueNode | { error: string } { return this.views.evaluate(expression, frameIndex); }
}

function sizeOfSafe(t: CType, fallback: number): number {
  return t.kind === 'array' && t.length !== undefined ? t.length : fallback;
}
