/**
 * What teacher indicators are a share of: teachers registered in «Сферум» («Учителей всего»), or
 * the school's staff (the column «Педагогов в ОО по штату»; the panel calls the choice «Педагоги ОО по штату»). A module of its own, so the panel (bundled
 * into the small Sheets sidebar) and the command line check a value the way core does.
 */
export type TeacherBase = 'teachers' | 'staffTotal';

const TEACHER_BASES: readonly TeacherBase[] = ['teachers', 'staffTotal'];

export function isTeacherBase(value: unknown): value is TeacherBase {
  return TEACHER_BASES.includes(value as TeacherBase);
}
