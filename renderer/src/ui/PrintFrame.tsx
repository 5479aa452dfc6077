// A printable A4 sheet inside the staff screen: a toolbar (not printed) and a page whose print hides the shell.
// Printing goes through printCurrentView (silent in the desktop app, the browser's dialog otherwise).
import type { ReactNode } from 'react';
import { Button, Flex } from 'antd';
import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { printCurrentView } from './print';
import { api } from '../api/client';
import { bridge } from '../api/transport';

/** The desktop app makes a PDF of the window (printing.pdf); a browser saves one from its own print dialog. */
async function savePdf(fileName: string): Promise<void> {
  const { pdfBase64 } = await api.printing.pdf({});
  if (!pdfBase64) return;
  const link = document.createElement('a');
  link.href = `data:application/pdf;base64,${pdfBase64}`;
  link.download = fileName;
  link.click();
}

const PRINT_CSS = `
@page { size: A4; margin: 14mm 12mm; }
@media print {
  .ant-layout-header, .ant-layout-sider, .ant-message, .ant-notification, .no-print { display: none !important; }
  .ant-layout, .ant-layout-content, body { background: #fff !important; padding: 0 !important; }
  .print-sheet { box-shadow: none !important; margin: 0 !important; padding: 0 !important; width: auto !important; }
}
.print-sheet { background: #fff; width: 210mm; max-width: 100%; margin: 0 auto; padding: 14mm 12mm; box-shadow: 0 1px 6px rgba(0,0,0,.15); color: #000; font-size: 12pt; }
.print-sheet h1 { font-size: 18pt; text-align: center; margin: 0 0 4pt; }
.print-sheet .sub { text-align: center; margin-bottom: 10pt; }
.print-sheet table { width: 100%; border-collapse: collapse; margin-bottom: 8pt; }
.print-sheet th, .print-sheet td { border: 1px solid #555; padding: 4pt 6pt; vertical-align: top; text-align: left; }
.print-sheet th { background: #f2f2f2; white-space: nowrap; }
.print-sheet h2 { font-size: 13pt; margin: 10pt 0 4pt; }
.print-sheet .hash { font-size: 8pt; color: #555; word-break: break-all; margin-top: 8pt; }
.print-sheet .mark { display: inline-block; min-width: 14pt; text-align: center; font-weight: bold; }
.print-sheet .tag { border: 1px solid #000; border-radius: 2pt; padding: 0 3pt; font-size: 9pt; margin-right: 4pt; }
`;

export function PrintFrame({ onBack, children, testId, fileName = 'sheet.pdf' }: { onBack: () => void; children: ReactNode; testId: string; fileName?: string }) {
  const { t } = useTranslation('common');
  return (
    <div data-testid={testId}>
      <style>{PRINT_CSS}</style>
      <Flex className="no-print" gap={8} style={{ marginBottom: 12 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="print-back">
          {t('actions.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => void printCurrentView()} data-testid="print-now">
          {t('actions.print')}
        </Button>
        {bridge() && (
          <Button icon={<FilePdfOutlined />} onClick={() => void savePdf(fileName)}>
            PDF
          </Button>
        )}
      </Flex>
      <div className="print-sheet">{children}</div>
    </div>
  );
}
