/**
 * Apertium's locale for the processes it runs. Its C++ stages abort on a locale the machine lacks
 * (serverless-offline sets LANG to en_US.UTF-8, which a plain Debian does not have), and its
 * script still exits 0: C.UTF-8 is always there. Read at each start, so a changed PATH is seen.
 */
export const apertiumEnv = () => ({ ...process.env, LC_ALL: 'C.UTF-8' });
