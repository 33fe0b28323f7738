// Runs in a plain Node process: imports one packaged handler by path and invokes it with the ALB
// event given as JSON in argv[3]; prints the result as JSON on the last line of stdout.
import { pathToFileURL } from 'node:url';

const [, , handlerPath, eventJson] = process.argv;
const { handler } = await import(pathToFileURL(handlerPath).href);
const context = { awsRequestId: 'bundle-test', functionName: 'bundle', getRemainingTimeInMillis: () => 30_000 };
const result = await handler(JSON.parse(eventJson), context);
// Like Lambda, finish when the handler returns, whatever sockets the SDK keeps open.
process.stdout.write(`\n${JSON.stringify(result)}\n`, () => process.exit(0));
