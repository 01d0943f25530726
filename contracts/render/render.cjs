// Renders contracts/asyncapi.yaml to HTML with the AsyncAPI generator and its HTML template, at
// the versions package-lock.json pins: `make contract-site`. The output goes to contracts/site/
// asyncapi/ and is committed, so neither the gateway nor `make run` ever needs npm.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const Generator = require('@asyncapi/generator');

const CONTRACTS = path.resolve(__dirname, '..');
const SOURCE = path.join(CONTRACTS, 'asyncapi.yaml');
const TARGET = path.join(CONTRACTS, 'site', 'asyncapi');
const TEMPLATE = path.dirname(require.resolve('@asyncapi/html-template/package.json'));
// The test (tests/contract/test_contract_site.py) compares it with asyncapi.yaml's digest.
const STAMP = 'asyncapi.yaml.sha256';

// The rendering ships the template's bundle of @asyncapi/react-component (Apache-2.0): its
// licence, notice and the bundle's third-party licences go with it.
function copyLicences() {
  const component = path.dirname(
    require.resolve('@asyncapi/react-component/package.json', { paths: [TEMPLATE] }),
  );
  const files = {
    LICENSE: path.join(TEMPLATE, 'LICENSE'),
    NOTICE: path.join(TEMPLATE, 'NOTICE'),
    'react-component.LICENSE': path.join(component, 'LICENSE'),
    'asyncapi-ui.min.js.LICENSE.txt': path.join(
      component, 'browser', 'standalone', 'without-parser.js.LICENSE.txt',
    ),
  };
  for (const [name, source] of Object.entries(files)) {
    fs.copyFileSync(source, path.join(TARGET, name));
  }
}

async function main() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'qcdc-asyncapi-'));
  try {
    const generator = new Generator(TEMPLATE, scratch, {
      forceWrite: true,
      // css/ and js/ beside index.html (no inline bundle), served by the gateway as they are.
      templateParams: { singleFile: 'false', outFilename: 'index.html' },
    });
    await generator.generateFromFile(SOURCE);
    fs.rmSync(TARGET, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(TARGET), { recursive: true });
    fs.cpSync(scratch, TARGET, { recursive: true });
    copyLicences();
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const digest = crypto.createHash('sha256').update(fs.readFileSync(SOURCE)).digest('hex');
  fs.writeFileSync(path.join(TARGET, STAMP), `${digest}\n`);
  console.log(`rendered ${path.relative(CONTRACTS, SOURCE)} into ${path.relative(CONTRACTS, TARGET)}/`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
