import { notStatic, type PoolRule } from '../src/model/rule.ts';
import { isUnknown } from '../src/model/unknown.ts';

export const applicationPackagesRule: PoolRule = {
  meta: {
    id: 'application-packages',
    description: 'An application package the Batch account does not have, or a reference without a version to an application with no default version.',
    defaultSeverity: 'error',
    fixable: false,
    facts: ['environment'],
    messages: {
      noApplication:
        'The Batch account has no application "{{application}}", so creating the pool fails with InvalidApplicationPackageReferences. ' +
        'Create the application and upload its package first, or fix the id{{known}}.',
      noVersion:
        'Application "{{application}}" has no package version "{{version}}", so creating the pool fails with InvalidApplicationPackageReferences. ' +
        'Upload and activate that version, or pick one it has: {{versions}}.',
      noDefaultVersion:
        'This reference to application "{{application}}" names no version and the application has no default version, so creating the pool ' +
        'fails with InvalidApplicationPackageReferences. Set {{name}}, or give the application a default version.',
    },
    docs: {
      facts: "Azure environment: a context file or `--live` — the Batch account's applications, their default versions and package versions",
    },
  },
  check(pool, { facts, report, notChecked, known, fact }) {
    const references = known(pool.spec.applicationPackageReferences, 'the application package references');
    if (!references?.length) return;
    const applications = fact(facts.account()).applications;
    if (!applications) return notChecked("the account's applications are not known (account.applications)");
    const byName = new Map(Object.entries(applications).map(([id, application]) => [id.toLowerCase(), application]));

    references.forEach((reference, index) => {
      const path = ['applicationPackageReferences', index];
      if (isUnknown(reference)) return notChecked(notStatic('an application package reference', reference));
      if (isUnknown(reference.applicationId)) return notChecked(notStatic('an application id', reference.applicationId));
      if (isUnknown(reference.version)) return notChecked(notStatic(`the version of application ${reference.applicationId}`, reference.version));
      // A reference without an application id is the schema rule's to report.
      if (reference.applicationId === undefined) return;
      const name = applicationName(reference.applicationId);
      const application = byName.get(name.toLowerCase());
      if (!application) {
        const names = Object.keys(applications);
        const listed = names.length ? `; it has ${names.join(', ')}` : '; it has none';
        return report({ path: [...path, 'applicationId'], messageId: 'noApplication', data: { application: name, known: listed } });
      }
      const version = reference.version;
      if (version === undefined) {
        if (application.defaultVersion === undefined) {
          const versionName = pool.displayName([...path, 'version']);
          report({ path: [...path, 'applicationId'], messageId: 'noDefaultVersion', data: { application: name, name: versionName } });
        }
        return;
      }
      if (!application.versions) return notChecked(`the package versions of application ${name} are not known (account.applications.${name}.versions)`);
      if (!application.versions.some((listed) => sameVersion(listed, version))) {
        const versions = application.versions.length ? application.versions.join(', ') : 'none';
        report({ path: [...path, 'version'], messageId: 'noVersion', data: { application: name, version, versions } });
      }
    });
  },
};

/** A reference names the application by name or by its resource id (`…/batchAccounts/<account>/applications/<name>`). */
function applicationName(id: string): string {
  const match = /\/applications\/([^/]+)\/?$/i.exec(id);
  return match ? match[1]! : id;
}

/** Whether Batch treats version names that differ only in case as one is not documented: such a version is not reported. */
function sameVersion(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
