// Every user-facing text of the extension, in one place.

export const strings = {
  panelTitle: 'Mallocscope Heap',
  configurationName: 'Mallocscope: current C file',
  noCFile: 'Mallocscope: open a C file (.c) to debug it, or add a "mallocscope" configuration to launch.json.',
  programMissing: (program: string) => `Mallocscope: the program "${program}" does not exist. Check "program" in launch.json.`,
  programNotC: (program: string) => `Mallocscope: "${program}" is not a C source file (.c).`,
  programUnset: 'Mallocscope: the launch configuration has no "program" (the C file to run).',
  noSession: 'no Mallocscope debug session',
  sourceNotFound: (file: string) => `Mallocscope: cannot find ${file} in the workspace.`,
  hoverTitle: 'Mallocscope',
  hoverPointsInto: (offset: string, block: string) => `points ${offset} into block ${block}`,
  hoverBlock: (zone: string, blockSize: string, requested: string) => `${zone} block of ${blockSize} (requested ${requested})`,
  hoverAllocated: (where: string, step: string, fn: string) => `allocated at ${where} (step ${step}) in ${fn}`,
  hoverFreed: (where: string, step: string, fn: string) => `freed at ${where} (step ${step}) in ${fn}`,
  hoverLive: 'live',
  hoverFreedUnknown: 'freed',
} as const;
