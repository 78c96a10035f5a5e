/** Where relative paths on the command line start from. */
import { commandCwd } from './io';

describe('commandCwd', () => {
  const here = '/home/user/data';

  it('uses the current folder when run directly, whatever INIT_CWD an outer npm left behind', () => {
    expect(commandCwd({ INIT_CWD: '/tmp' }, here)).toBe(here);
    expect(commandCwd({}, here)).toBe(here);
  });

  it('uses the current folder when another project\'s npm script runs the command (`cd data && sferum-monitor report …`)', () => {
    expect(commandCwd({ INIT_CWD: '/home/user', npm_package_name: 'weekly-job', npm_lifecycle_event: 'weekly' }, here)).toBe(here);
    // Our name but not our script: a project that happens to be called the same.
    expect(commandCwd({ INIT_CWD: '/home/user', npm_package_name: 'sferum-monitor', npm_lifecycle_event: 'weekly' }, here)).toBe(here);
  });

  it('uses INIT_CWD under this package\'s own `npm run report`, which runs in the package root', () => {
    expect(commandCwd({ INIT_CWD: '/home/user', npm_package_name: 'sferum-monitor', npm_lifecycle_event: 'report' }, '/opt/sferum-monitor')).toBe('/home/user');
  });
});
