import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';

/**
 * A file of the server (a workbook, a Word document) as a link that looks like a button: the browser
 * downloads it with the session cookie, and a screen reader announces a link to a file.
 */
export function DownloadLink({ href, children, primary }: { href: string; children: string; primary?: boolean }) {
  return (
    <Button href={href} download type={primary ? 'primary' : 'default'} icon={<DownloadOutlined aria-hidden />}>
      {children}
    </Button>
  );
}
