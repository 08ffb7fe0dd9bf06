import type { DashboardExport } from '../../../../shared/domain/dashboard';

/**
 * Saves an export the way a browser saves a download: the file comes from the main process (as the admin
 * consent links do), and the page hands it over as a Blob with the file's name. Electron asks where to save
 * it; the web host's browser puts it in Downloads. Nothing leaves the machine.
 */
export function saveExport(file: DashboardExport): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: `${file.mimeType};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once click() returns; the URL can go after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
